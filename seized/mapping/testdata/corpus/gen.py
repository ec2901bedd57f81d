# Generates the suggest corpus: six mysqldump-style dumps of services unlike iSpoof.
import hashlib, random, json, sys, os
OUT = sys.argv[1]
B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
def b58check(payload):
    d = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(d, 'big'); s = ''
    while n: n, r = divmod(n, 58); s = B58[r] + s
    return '1' * (len(d) - len(d.lstrip(b'\0'))) + s
CH = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
def polymod(v):
    g = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]; c = 1
    for x in v:
        b = c >> 25; c = (c & 0x1ffffff) << 5 ^ x
        for i in range(5): c ^= g[i] if (b >> i) & 1 else 0
    return c
def bech32(hrp, prog):
    acc = 0; bits = 0; data = [0]
    for x in prog:
        acc = (acc << 8) | x; bits += 8
        while bits >= 5: bits -= 5; data.append((acc >> bits) & 31)
    if bits: data.append((acc << (5 - bits)) & 31)
    v = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    pm = polymod(v + data + [0] * 6) ^ 1
    return hrp + '1' + ''.join(CH[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])
def addr(r):
    k = r.random()
    h = bytes(r.getrandbits(8) for _ in range(20))
    if k < 0.55: return bech32('bc', h)
    if k < 0.8: return b58check(b'\x05' + h)
    return b58check(b'\x00' + h)
def txid(r): return '%064x' % r.getrandbits(256)
def q(v):
    if v is None: return 'NULL'
    if isinstance(v, bool): return '1' if v else '0'
    if isinstance(v, int): return str(v)
    s = str(v).replace('\\', '\\\\').replace("'", "\\'").replace('\n', '\\n').replace('\r', '\\r')
    return "'" + s + "'"
FIRST = ['alex','maks','dima','jay','kev','nina','sasha','tom','lee','mo','vik','sam','zed','ray','kat','ivan','olga','ben','raf','luca','yuri','anna','pete','dan','eli']
SUFF = ['', '_x', '99', 'z', '1337', '_pro', 'dev', '0x', '_', 'xx', 'king', '_ru']
def nick(r, i): return r.choice(FIRST) + r.choice(SUFF) + (str(i) if r.random() < 0.3 else '')
MAIL = ['gmail.com','protonmail.com','yandex.ru','mail.ru','outlook.com','tutanota.com','cock.li','yahoo.com']
def email(r, n): return n.replace('_', '.') + '@' + r.choice(MAIL)
UA = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',
      'Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36']
def ip(r): return '%d.%d.%d.%d' % (r.choice([5, 31, 45, 77, 89, 91, 103, 176, 185, 194]), r.randrange(256), r.randrange(256), r.randrange(1, 255))
def dt(e):
    import datetime
    return datetime.datetime.utcfromtimestamp(e).strftime('%Y-%m-%d %H:%M:%S')
def btc(r, lo=0.0005, hi=0.08): return '%.8f' % r.uniform(lo, hi)
T0 = 1640995200  # 2022-01-01

class Dump:
    def __init__(s, db): s.db = db; s.parts = []
    def table(s, name, cols, rows, extra_keys=''):
        body = ',\n'.join('  `%s` %s' % c for c in cols)
        pk = cols[0][0]
        s.parts.append('''--
-- Table structure for table `{n}`
--

DROP TABLE IF EXISTS `{n}`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `{n}` (
{b},
  PRIMARY KEY (`{pk}`){x}
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `{n}`
--

LOCK TABLES `{n}` WRITE;
/*!40000 ALTER TABLE `{n}` DISABLE KEYS */;
INSERT INTO `{n}` VALUES {v};
/*!40000 ALTER TABLE `{n}` ENABLE KEYS */;
UNLOCK TABLES;
'''.format(n=name, b=body, pk=pk, x=extra_keys, v=','.join('(' + ','.join(q(x) for x in row) + ')' for row in rows)))
    def text(s, completed):
        head = '''-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: {db}
-- ------------------------------------------------------
-- Server version	8.0.35

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

'''.format(db=s.db)
        tail = '''/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on {c}
'''.format(c=completed)
        return head + '\n'.join(s.parts) + '\n' + tail

def write(name, dump, completed, truth):
    open(os.path.join(OUT, name + '.sql'), 'w').write(dump.text(completed))
    open(os.path.join(OUT, name + '.truth.yaml'), 'w').write(truth)

# ---------------------------------------------------------------- booter
r = random.Random(1)
d = Dump('stresshub')
d.table('settings', [('k', 'varchar(64) NOT NULL'), ('v', 'text')],
        [('site_name', 'StressHub'), ('btc_confirmations', '2'), ('min_deposit', '0.00100000'), ('admin_contact', 'admin@stresshub.su'),
         ('maintenance', '0'), ('gateway', 'blockonomics'), ('tos_version', '3'), ('max_concurrent', '4')])
d.table('news', [('id', 'int NOT NULL AUTO_INCREMENT'), ('title', 'varchar(128)'), ('body', 'text'), ('created', 'int unsigned'), ('user', 'int')],
        [(i + 1, t, b, T0 + 86400 * 9 * i + r.randrange(3600), 1) for i, (t, b) in enumerate([
            ('New NTP method', 'Added NTP amplification, 80Gbps per server.'), ('Maintenance', 'Servers 3-5 down for upgrade tonight.'),
            ('BTC only', 'We now accept Bitcoin only. Deposits confirm after 2 blocks.'), ('Discount', '20% off all plans this week'),
            ('OVH bypass', 'New method for OVH game servers.'), ('Uptime', 'All nodes back online.')])])
NC = 40
clients = []
for i in range(NC):
    cid = 100 + i
    n = nick(r, i)
    reg = T0 + r.randrange(0, 200 * 86400)
    clients.append((cid, n, email(r, n) if r.random() < 0.85 else None, '$2y$10$' + hashlib.sha1(n.encode()).hexdigest()[:53],
                    reg, ip(r), '%.8f' % r.uniform(0, 0.01), r.randrange(1, 5), ('@' + n.replace('.', '_') + 'tg') if r.random() < 0.3 else None))
d.table('clients', [('id', 'int NOT NULL AUTO_INCREMENT'), ('nick', 'varchar(32) NOT NULL'), ('email', 'varchar(128) DEFAULT NULL'), ('password', 'varchar(60)'),
                    ('reg', 'int unsigned NOT NULL'), ('last_ip', 'varchar(45)'), ('balance', 'decimal(16,8)'), ('plan_id', 'int'), ('tg', 'varchar(64) DEFAULT NULL')], clients)
d.table('plans', [('id', 'int NOT NULL'), ('name', 'varchar(32)'), ('price_usd', 'decimal(8,2)'), ('days', 'int'), ('boot_time', 'int'), ('concurrents', 'int')],
        [(1, 'Starter', '9.99', 7, 300, 1), (2, 'Basic', '19.99', 30, 600, 1), (3, 'Pro', '49.99', 30, 1800, 2), (4, 'Business', '149.99', 30, 3600, 4)])
static = {c[0]: addr(r) for c in clients}
deps = []
for i in range(45):
    c = r.choice(clients)
    a = btc(r, 0.0003, 0.006)
    t = c[4] + r.randrange(3600, 40 * 86400)
    paid = r.random() < 0.8
    tx = txid(r)
    cb = json.dumps({'status': 2, 'addr': static[c[0]], 'value': int(round(float(a) * 1e8)), 'tx': {'hash': tx, 'confirmations': r.randrange(2, 9)}, 'secret': 'k' + str(r.getrandbits(32))}) if paid else None
    deps.append((i + 1, c[0], static[c[0]], a, '%.2f' % (float(a) * 41000), cb, 'confirmed' if paid else 'pending', t))
d.table('deposits', [('id', 'int NOT NULL AUTO_INCREMENT'), ('client', 'int NOT NULL'), ('btc_address', 'varchar(64)'), ('amount', 'varchar(20)'), ('usd', 'decimal(10,2)'),
                     ('callback', 'text'), ('status', "enum('pending','confirmed')"), ('dt', 'int unsigned')], deps)
att = []
for i in range(50):
    c = r.choice(clients)
    att.append((i + 1, c[0], ip(r) if r.random() < 0.7 else r.choice(['play.hypixel.net', 'cs.example-gaming.com', 'www.target-shop.de']), r.choice([80, 443, 25565, 27015, 53, 3074]),
                r.choice(['UDP', 'NTP', 'DNS', 'TCP-SYN', 'HTTP-GET', 'OVH']), r.choice([60, 120, 300, 600, 1200]), c[4] + r.randrange(86400, 60 * 86400), r.randrange(1, 6), r.choice(['done', 'stopped', 'running'])))
d.table('attacks', [('id', 'int NOT NULL AUTO_INCREMENT'), ('user', 'int'), ('target', 'varchar(255)'), ('port', 'int'), ('method', 'varchar(16)'), ('duration', 'int'),
                    ('started', 'int unsigned'), ('server_id', 'int'), ('status', 'varchar(12)')], att)
ll = []
for i in range(50):
    c = r.choice(clients)
    ll.append((i + 1, c[0], c[5] if r.random() < 0.6 else ip(r), r.choice(UA), c[4] + r.randrange(0, 60 * 86400)))
d.table('login_logs', [('id', 'int NOT NULL AUTO_INCREMENT'), ('user_id', 'int'), ('ip', 'varchar(45)'), ('ua', 'varchar(255)'), ('time', 'int unsigned')], ll)
write('booter', d, '2023-09-14 03:12:44', '''# DDoS-for-hire panel: the true mapping.
version: 1
region: US
tables:
  - source: clients
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: nick}
      email: {column: email}
      created_at: {column: reg, unit: epoch_s}
      ip: {column: last_ip}
      telegram: {column: tg}
  - source: deposits
    target: payments
    columns:
      account_key: {column: client}
      address: {column: btc_address}
      amount: {column: amount, unit: btc}
      fiat_amount: {column: usd, unit: major, currency: USD}
      txid: {column: callback, json: "$.tx.hash"}
      status: {column: status}
      created_at: {column: dt, unit: epoch_s}
  - source: login_logs
    target: logins
    columns:
      account_key: {column: user_id}
      ip: {column: ip}
      user_agent: {column: ua}
      login_at: {column: time, unit: epoch_s}
''')

# ---------------------------------------------------------------- cardshop
r = random.Random(2)
d = Dump('shop')
JSERV = ['exploit.im', 'jabber.ru', 'xmpp.jp', 'thesecure.biz', 'jabb.im']
cust = []
for i in range(35):
    n = nick(r, i)
    cr = T0 + r.randrange(0, 300 * 86400)
    cust.append((5000 + i * 3, n, email(r, n) if r.random() < 0.5 else None, (n + '@' + r.choice(JSERV)) if r.random() < 0.7 else None,
                 str(r.randrange(10**8, 10**9)) if r.random() < 0.2 else None, dt(cr), r.choice(['US', 'RU', 'UA', 'DE', 'NL', 'BR', 'VN']), '%.2f' % r.uniform(0, 300), cr))
d.table('cust', [('cust_id', 'int NOT NULL'), ('handle', 'varchar(32)'), ('email', 'varchar(128)'), ('jabber', 'varchar(128)'), ('icq', 'varchar(16)'),
                 ('created', 'datetime'), ('country', 'char(2)'), ('balance_usd', 'decimal(10,2)')], [c[:8] for c in cust])
d.table('bases', [('id', 'int NOT NULL'), ('name', 'varchar(64)'), ('added', 'datetime'), ('cards', 'int'), ('valid_rate', 'int')],
        [(i + 1, nm, dt(T0 + 86400 * 20 * i), r.randrange(500, 20000), r.randrange(60, 95)) for i, nm in enumerate(['USA MIX FRESH', 'EU PREMIUM', 'CANADA 101', 'UK DUMPS', 'AU CVV', 'WORLD MIX'])])
pur = []
for i in range(50):
    c = r.choice(cust)
    pur.append((i + 1, c[0], r.choice(['414720', '453201', '542418', '601100', '376015', '516865', '479126']), r.randrange(1, 7), '%.2f' % r.choice([8, 12, 15, 25, 40]), dt(c[8] + r.randrange(86400, 90 * 86400))))
d.table('purchases', [('id', 'int NOT NULL'), ('cust_id', 'int'), ('bin', 'char(6)'), ('base_id', 'int'), ('price', 'decimal(8,2)'), ('purchased_at', 'datetime')], pur)
bills = []
for i in range(40):
    c = r.choice(cust)
    usd = r.choice([50, 100, 150, 200, 500])
    rate = r.uniform(26000, 44000)
    st = r.choice(['comp', 'comp', 'comp', 'new', 'exp'])
    cr = c[8] + r.randrange(3600, 90 * 86400)
    bills.append((i + 1, c[0], '%.2f' % usd, '%.2f' % rate, int(usd / rate * 1e8), addr(r), txid(r) if st == 'comp' else None, st, dt(cr), dt(cr + r.randrange(600, 7200)) if st == 'comp' else None))
d.table('bills', [('id', 'int NOT NULL'), ('cust_id', 'int'), ('usd', 'decimal(10,2)'), ('rate', 'decimal(12,2)'), ('btc_sats', 'bigint'), ('addr', 'varchar(64)'),
                  ('txid', 'char(64)'), ('status', "enum('new','comp','exp')"), ('created', 'datetime'), ('paid', 'datetime')], bills)
vis = []
for i in range(50):
    c = r.choice(cust)
    vis.append((i + 1, c[0], ip(r), r.choice(UA), dt(c[8] + r.randrange(0, 100 * 86400))))
d.table('visits', [('id', 'int NOT NULL'), ('cust_id', 'int'), ('ip', 'varchar(45)'), ('ua', 'varchar(255)'), ('ts', 'datetime')], vis)
tk = []
for i in range(12):
    c = r.choice(cust)
    tk.append((i + 1, c[0], r.choice(['invalid card', 'refund pls', 'base dead?', 'bill not credited']), r.choice(['open', 'closed']), dt(c[8] + r.randrange(0, 100 * 86400))))
d.table('tickets', [('id', 'int NOT NULL'), ('cust_id', 'int'), ('subject', 'varchar(128)'), ('state', 'varchar(8)'), ('created', 'datetime')], tk)
write('cardshop', d, '2024-02-02  1:05:10', '''# Carding shop: the true mapping.
version: 1
region: US
tables:
  - source: cust
    target: accounts
    columns:
      account_key: {column: cust_id}
      username: {column: handle}
      email: {column: email}
      jabber: {column: jabber}
      icq: {column: icq}
      created_at: {column: created, unit: datetime}
      country: {column: country}
  - source: bills
    target: payments
    columns:
      account_key: {column: cust_id}
      fiat_amount: {column: usd, unit: major, currency: USD}
      amount: {column: btc_sats, unit: sats}
      address: {column: addr}
      txid: {column: txid}
      status: {column: status}
      created_at: {column: created, unit: datetime}
      paid_at: {column: paid, unit: datetime}
  - source: visits
    target: logins
    columns:
      account_key: {column: cust_id}
      ip: {column: ip}
      user_agent: {column: ua}
      login_at: {column: ts, unit: datetime}
''')

# ---------------------------------------------------------------- ransomware
r = random.Random(3)
d = Dump('panel')
users = []
for i in range(30):
    n = nick(r, i)
    cr = T0 + r.randrange(0, 300 * 86400)
    users.append((i + 1, n, (n + '@' + r.choice(JSERV) + ('/' + r.choice(['pc', 'phone', 'work']) if r.random() < 0.3 else '')) if r.random() < 0.8 else None,
                  ('%076X' % r.getrandbits(304)) if r.random() < 0.25 else None, addr(r) if r.random() < 0.9 else None, r.choice([70, 75, 80]), cr, cr + r.randrange(0, 90 * 86400), 1 if i == 0 else 0))
d.table('users', [('id', 'int NOT NULL AUTO_INCREMENT'), ('login', 'varchar(32)'), ('xmpp', 'varchar(128)'), ('tox', 'varchar(76)'), ('btc_payout', 'varchar(64)'),
                  ('share_pct', 'int'), ('created', 'int unsigned'), ('last_seen', 'int unsigned'), ('is_admin', 'tinyint(1)')], users)
builds = []
for i in range(40):
    u = r.choice(users)
    builds.append((i + 1, u[0], hashlib.sha256(str(i).encode()).hexdigest(), json.dumps({'ext': r.choice(['.lock', '.crypt', '.enc']), 'kill_av': r.random() < 0.5, 'note_id': r.randrange(1, 5)}), u[6] + r.randrange(0, 60 * 86400)))
d.table('builds', [('id', 'int NOT NULL AUTO_INCREMENT'), ('user_id', 'int'), ('build_hash', 'char(64)'), ('config', 'text'), ('created', 'int unsigned')], builds)
pays = []
for i in range(35):
    u = r.choice(users)
    pays.append((i + 1, u[0], r.randrange(1, 400), r.randrange(5 * 10**6, 3 * 10**8), addr(r), txid(r), u[6] + r.randrange(86400, 120 * 86400)))
d.table('payments', [('id', 'int NOT NULL AUTO_INCREMENT'), ('user_id', 'int'), ('victim_id', 'int'), ('amount_sat', 'bigint'), ('address', 'varchar(64)'), ('tx_proof', 'char(64)'), ('created', 'int unsigned')], pays)
chat = []
for i in range(20):
    u = r.choice(users)
    chat.append((i + 1, u[0], r.choice(['when payout?', 'new build pls', 'decryptor broken for victim 12', 'ok', 'need new loader']), u[6] + r.randrange(0, 90 * 86400)))
d.table('chat', [('id', 'int NOT NULL AUTO_INCREMENT'), ('user_id', 'int'), ('msg', 'text'), ('dt', 'int unsigned')], chat)
d.table('settings', [('name', 'varchar(32) NOT NULL'), ('value', 'varchar(255)')], [('affiliate_share', '75'), ('tor_mirror', 'xyz...onion'), ('min_payout', '0.01')])
write('ransomware', d, '2024-05-20 12:00:01', '''# Ransomware affiliate panel: the true mapping.
version: 1
region: US
tables:
  - source: users
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: login}
      jabber: {column: xmpp}
      tox: {column: tox}
      wallet: {column: btc_payout}
      created_at: {column: created, unit: epoch_s}
  - source: payments
    target: payments
    columns:
      account_key: {column: user_id}
      amount: {column: amount_sat, unit: sats}
      address: {column: address}
      txid: {column: tx_proof}
      created_at: {column: created, unit: epoch_s}
''')

# ---------------------------------------------------------------- phishing-kit shop
r = random.Random(4)
d = Dump('kits')
mem = []
for i in range(35):
    n = nick(r, i)
    cr = T0 + r.randrange(0, 300 * 86400)
    tg = None
    if r.random() < 0.6:
        tg = r.choice(['@' + n.replace('.', '_') + '_tg', 'https://t.me/' + n.replace('.', '_') + 'x', '@' + n.upper().replace('.', '_') + '01'])
    mem.append((200 + i, n, email(r, n), tg, dt(cr), r.choice(['GB', 'GB', 'NG', 'US', 'IE', 'RO']), cr))
d.table('members', [('member_id', 'int NOT NULL'), ('username', 'varchar(32)'), ('email', 'varchar(128)'), ('telegram', 'varchar(64)'), ('signup', 'datetime'), ('country', 'char(2)')], [m[:6] for m in mem])
d.table('kits', [('id', 'int NOT NULL'), ('name', 'varchar(64)'), ('brand', 'varchar(32)'), ('price_gbp', 'decimal(8,2)'), ('updated', 'datetime')],
        [(i + 1, b + ' panel v' + str(r.randrange(2, 6)), b, '%.2f' % r.choice([150, 200, 250, 300]), dt(T0 + 86400 * 30 * i)) for i, b in enumerate(['HSBC', 'Barclays', 'Lloyds', 'NatWest', 'Royal Mail', 'HMRC', 'Santander'])])
subs = []
for i in range(40):
    m = r.choice(mem)
    cr = m[6] + r.randrange(3600, 60 * 86400)
    subs.append((1000 + i, m[0], r.randrange(1, 8), '%.2f' % r.choice([150, 200, 250, 300]), r.choice(['active', 'expired', 'pending']), dt(cr), dt(cr + 30 * 86400), cr))
d.table('subscriptions', [('id', 'int NOT NULL'), ('member_id', 'int'), ('kit_id', 'int'), ('price_gbp', 'decimal(8,2)'), ('status', 'varchar(12)'), ('created', 'datetime'), ('expires', 'datetime')], [s[:7] for s in subs])
bt = []
for i, s in enumerate(subs):
    if s[4] == 'pending' and r.random() < 0.5:
        continue
    bt.append((i + 1, s[0], addr(r), '%.8f' % (float(s[3]) / 31000), txid(r) if s[4] != 'pending' else None, r.randrange(0, 12), dt(s[7] + r.randrange(300, 5000))))
d.table('btc_transactions', [('id', 'int NOT NULL'), ('order_id', 'int'), ('address', 'varchar(64)'), ('btc', 'varchar(20)'), ('txid', 'varchar(64)'), ('confirmations', 'int'), ('received', 'datetime')], bt)
al = []
for i in range(45):
    m = r.choice(mem)
    al.append((i + 1, m[0], ip(r), dt(m[6] + r.randrange(0, 90 * 86400)), r.choice(UA)))
d.table('access_log', [('id', 'int NOT NULL'), ('member_id', 'int'), ('ip', 'varchar(45)'), ('ts', 'datetime'), ('agent', 'varchar(255)')], al)
d.table('news', [('id', 'int NOT NULL'), ('headline', 'varchar(128)'), ('posted', 'datetime')],
        [(1, 'HSBC kit updated for new 2FA', '2022-05-01 10:00:00'), (2, 'Telegram support: @kitsupport', '2022-06-01 10:00:00'), (3, 'Price rise from July', '2022-06-20 10:00:00')])
write('phishkit', d, '2023-03-03 03:03:03', '''# Phishing-kit subscription shop: the true mapping.
version: 1
region: GB
tables:
  - source: members
    target: accounts
    columns:
      account_key: {column: member_id}
      username: {column: username}
      email: {column: email}
      telegram: {column: telegram}
      created_at: {column: signup, unit: datetime}
      country: {column: country}
  - source: btc_transactions
    target: payments
    columns:
      account_key: {column: order_id, lookup: {table: subscriptions, key: id, value: member_id}}
      fiat_amount: {column: order_id, unit: major, currency: GBP, lookup: {table: subscriptions, key: id, value: price_gbp}}
      status: {column: order_id, lookup: {table: subscriptions, key: id, value: status}}
      created_at: {column: order_id, unit: datetime, lookup: {table: subscriptions, key: id, value: created}}
      address: {column: address}
      amount: {column: btc, unit: btc}
      txid: {column: txid}
      paid_at: {column: received, unit: datetime}
  - source: access_log
    target: logins
    columns:
      account_key: {column: member_id}
      ip: {column: ip}
      login_at: {column: ts, unit: datetime}
      user_agent: {column: agent}
''')

# ---------------------------------------------------------------- forum marketplace
r = random.Random(5)
d = Dump('forum')
fu = []
for i in range(40):
    n = nick(r, i)
    cr = T0 + r.randrange(0, 300 * 86400)
    fu.append((1001 + i, n, email(r, n) if r.random() < 0.7 else None, addr(r) if r.random() < 0.6 else None, cr, r.randrange(0, 900), r.randrange(-5, 80), ip(r),
               r.choice(['PGP key on profile', 'vendor since 2019', None, None, None])))
d.table('forum_users', [('uid', 'int NOT NULL'), ('name', 'varchar(32)'), ('mail', 'varchar(128)'), ('wallet', 'varchar(64)'), ('regdate', 'int'), ('posts', 'int'),
                        ('reputation', 'int'), ('ip_reg', 'varchar(45)'), ('signature', 'text')], fu)
lst = []
for i in range(30):
    u = r.choice(fu)
    lst.append((i + 1, u[0], r.choice(['Fullz UK x10', 'Netflix logs', 'Bank drops', 'Crypter FUD', 'SOCKS5 1 month']), btc(r, 0.001, 0.05), r.choice(['data', 'tools', 'services']), u[4] + r.randrange(0, 60 * 86400)))
d.table('listings', [('id', 'int NOT NULL'), ('vendor_id', 'int'), ('title', 'varchar(128)'), ('price_btc', 'decimal(16,8)'), ('category', 'varchar(16)'), ('created', 'int')], lst)
orders = []
for i in range(45):
    u = r.choice(fu)
    l = r.choice(lst)
    st = r.choice(['escrow', 'released', 'finalized', 'finalized', 'disputed'])
    orders.append((5001 + i, u[0], l[0], addr(r), l[3], txid(r) if st != 'escrow' or r.random() < 0.5 else None, st, u[4] + r.randrange(86400, 90 * 86400)))
d.table('orders', [('order_id', 'int NOT NULL'), ('buyer', 'int'), ('listing_id', 'int'), ('escrow_address', 'varchar(64)'), ('amount_btc', 'varchar(20)'), ('tx_hash', 'varchar(64)'),
                   ('status', "enum('escrow','released','disputed','finalized')"), ('dt', 'int')], orders)
ipl = []
for i in range(50):
    u = r.choice(fu)
    ipl.append((i + 1, u[0], ip(r), u[4] + r.randrange(0, 100 * 86400)))
d.table('ip_log', [('id', 'int NOT NULL'), ('uid', 'int'), ('ip', 'varchar(45)'), ('dt', 'int')], ipl)
pm = []
for i in range(25):
    a, b = r.choice(fu), r.choice(fu)
    pm.append((i + 1, a[0], b[0], r.choice(['still available?', 'sent payment', 'check escrow', 'pgp pls']), max(a[4], b[4]) + r.randrange(0, 50 * 86400)))
d.table('pm', [('id', 'int NOT NULL'), ('from_uid', 'int'), ('to_uid', 'int'), ('body', 'text'), ('dt', 'int')], pm)
d.table('settings', [('id', 'int NOT NULL'), ('setting', 'varchar(32)'), ('val', 'varchar(255)')], [(1, 'escrow_fee', '0.05'), (2, 'forum_name', 'DarkBazaar'), (3, 'btc_master', addr(r))])
write('forum', d, '2022-12-24 22:10:00', '''# Forum-style marketplace: the true mapping.
version: 1
region: DE
tables:
  - source: forum_users
    target: accounts
    columns:
      account_key: {column: uid}
      username: {column: name}
      email: {column: mail}
      wallet: {column: wallet}
      created_at: {column: regdate, unit: epoch_s}
      ip: {column: ip_reg}
  - source: orders
    target: payments
    columns:
      account_key: {column: buyer}
      address: {column: escrow_address}
      amount: {column: amount_btc, unit: btc}
      txid: {column: tx_hash}
      status: {column: status}
      created_at: {column: dt, unit: epoch_s}
  - source: ip_log
    target: logins
    columns:
      account_key: {column: uid}
      ip: {column: ip}
      login_at: {column: dt, unit: epoch_s}
''')

# ---------------------------------------------------------------- Russian transliterated
r = random.Random(6)
d = Dump('magazin')
pol = []
for i in range(35):
    n = nick(r, i)
    cr = T0 + r.randrange(0, 300 * 86400)
    pol.append((i + 1, n, email(r, n) if r.random() < 0.8 else None, ('+79%09d' % r.randrange(10**9)) if r.random() < 0.5 else None, dt(cr), ip(r), cr))
d.table('polzovateli', [('id', 'int NOT NULL'), ('polzovatel', 'varchar(32)'), ('pochta', 'varchar(128)'), ('telefon', 'varchar(20)'), ('data_reg', 'datetime'), ('ip', 'varchar(45)')], [p[:6] for p in pol])
pl = []
for i in range(40):
    p = r.choice(pol)
    s = btc(r, 0.0005, 0.02)
    st = r.choice(['oplachen', 'oplachen', 'ozhidanie', 'otmenen'])
    pl.append((i + 1, p[0], s, '%.2f' % (float(s) * 2500000), addr(r), txid(r) if st == 'oplachen' else None, st, p[6] + r.randrange(3600, 60 * 86400)))
d.table('platezhi', [('id', 'int NOT NULL'), ('polzovatel_id', 'int'), ('summa', 'varchar(20)'), ('summa_rub', 'decimal(12,2)'), ('adres', 'varchar(64)'), ('tranzakciya', 'varchar(64)'),
                     ('status', 'varchar(16)'), ('data', 'int')], pl)
vh = []
for i in range(50):
    p = r.choice(pol)
    vh.append((i + 1, p[0], ip(r), dt(p[6] + r.randrange(0, 90 * 86400)), r.choice(UA)))
d.table('vhody', [('id', 'int NOT NULL'), ('polzovatel_id', 'int'), ('ip', 'varchar(45)'), ('vremya', 'datetime'), ('brauzer', 'varchar(255)')], vh)
d.table('novosti', [('id', 'int NOT NULL'), ('zagolovok', 'varchar(128)'), ('tekst', 'text'), ('data', 'int')],
        [(1, 'Obnovlenie', 'Novye tovary v magazine', T0 + 100), (2, 'Skidki', 'Skidka 10% na vse', T0 + 86400 * 40), (3, 'Oplata', 'Tolko BTC', T0 + 86400 * 80)])
d.table('nastroiki', [('klyuch', 'varchar(32) NOT NULL'), ('znachenie', 'varchar(255)')], [('kurs_btc', '2500000'), ('nazvanie', 'Magazin'), ('podderzhka', 'support@magazin.top')])
write('magazin', d, '2023-07-07 07:07:07', '''# A shop with transliterated Russian names: the true mapping.
version: 1
region: RU
tables:
  - source: polzovateli
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: polzovatel}
      email: {column: pochta}
      phone: {column: telefon}
      created_at: {column: data_reg, unit: datetime}
      ip: {column: ip}
  - source: platezhi
    target: payments
    columns:
      account_key: {column: polzovatel_id}
      amount: {column: summa, unit: btc}
      fiat_amount: {column: summa_rub, unit: major, currency: RUB}
      address: {column: adres}
      txid: {column: tranzakciya}
      status: {column: status}
      created_at: {column: data, unit: epoch_s}
  - source: vhody
    target: logins
    columns:
      account_key: {column: polzovatel_id}
      ip: {column: ip}
      login_at: {column: vremya, unit: datetime}
      user_agent: {column: brauzer}
''')

# ---------------------------------------------------------------- bulletproof hosting
# Written after the rules above were settled, and measured before any change
# to them (a held-out dump): servers hold IP addresses that are not logins.
r = random.Random(7)
d = Dump('bph')
acc = []
for i in range(30):
    n = nick(r, i)
    cr = (T0 + r.randrange(0, 300 * 86400)) * 1000 + r.randrange(1000)
    acc.append(('A' + str(70000 + i * 7), email(r, n), (n + '@' + r.choice(JSERV)) if r.random() < 0.5 else None, '%.8f' % r.uniform(0, 0.2), cr, r.choice(['en', 'ru'])))
d.table('accounts', [('account_id', 'varchar(12) NOT NULL'), ('email', 'varchar(128)'), ('contact_jabber', 'varchar(128)'), ('balance_btc', 'decimal(16,8)'),
                     ('signup_ts', 'bigint'), ('lang', 'char(2)')], acc)
srv = []
for i in range(40):
    a = r.choice(acc)
    srv.append((i + 1, a[0], ip(r), r.choice(['NL-AMS', 'RU-MSK', 'MD-KIV', 'SC-MAH']), r.choice(['vps-s', 'vps-m', 'dedi-1']), a[4] // 1000 + r.randrange(86400, 60 * 86400)))
d.table('servers', [('id', 'int NOT NULL'), ('account_id', 'varchar(12)'), ('ip', 'varchar(45)'), ('location', 'varchar(8)'), ('plan', 'varchar(8)'), ('created', 'int')], srv)
inv = []
for i in range(40):
    a = r.choice(acc)
    paid = r.random() < 0.75
    c = a[4] // 1000 + r.randrange(3600, 90 * 86400)
    inv.append((900 + i, a[0], btc(r, 0.001, 0.03), addr(r), txid(r) if paid else None, dt(c), dt(c + r.randrange(300, 9000)) if paid else None, '%.2f' % r.choice([15, 30, 60, 120])))
d.table('invoices', [('invoice_id', 'int NOT NULL'), ('account_id', 'varchar(12)'), ('btc_amount', 'decimal(16,8)'), ('pay_to', 'varchar(64)'), ('paid_tx', 'varchar(64)'),
                     ('created_at', 'datetime'), ('paid_at', 'datetime'), ('eur', 'decimal(8,2)')], inv)
au = []
for i in range(50):
    a = r.choice(acc)
    au.append((i + 1, a[0], ip(r), dt(a[4] // 1000 + r.randrange(0, 90 * 86400)), r.choice(['ok', 'ok', 'ok', 'bad_password'])))
d.table('auth_log', [('id', 'int NOT NULL'), ('account_id', 'varchar(12)'), ('remote_addr', 'varchar(45)'), ('at', 'datetime'), ('result', 'varchar(16)')], au)
d.table('abuse_reports', [('id', 'int NOT NULL'), ('server_id', 'int'), ('reporter', 'varchar(128)'), ('received', 'datetime'), ('body', 'text')],
        [(i + 1, r.randrange(1, 41), r.choice(['abuse@spamhaus.org', 'noc@cert.pl', 'abuse@google.com']), dt(T0 + r.randrange(0, 300 * 86400)), 'Phishing hosted on your network') for i in range(15)])
write('bph', d, '2024-10-01 04:00:00', '''# Bulletproof hosting provider: the true mapping.
version: 1
region: NL
tables:
  - source: accounts
    target: accounts
    columns:
      account_key: {column: account_id}
      email: {column: email}
      jabber: {column: contact_jabber}
      created_at: {column: signup_ts, unit: epoch_ms}
  - source: invoices
    target: payments
    columns:
      account_key: {column: account_id}
      amount: {column: btc_amount, unit: btc}
      address: {column: pay_to}
      txid: {column: paid_tx}
      created_at: {column: created_at, unit: datetime}
      paid_at: {column: paid_at, unit: datetime}
      fiat_amount: {column: eur, unit: major, currency: EUR}
  - source: auth_log
    target: logins
    columns:
      account_key: {column: account_id}
      ip: {column: remote_addr}
      login_at: {column: at, unit: datetime}
''')
