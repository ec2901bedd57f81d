-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: panel
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

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `login` varchar(32),
  `xmpp` varchar(128),
  `tox` varchar(76),
  `btc_payout` varchar(64),
  `share_pct` int,
  `created` int unsigned,
  `last_seen` int unsigned,
  `is_admin` tinyint(1),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `users`
--

LOCK TABLES `users` WRITE;
/*!40000 ALTER TABLE `users` DISABLE KEYS */;
INSERT INTO `users` VALUES (1,'tomxx',NULL,NULL,'3Nv9cfkdxnuVvvDCFamMBLKD72ctE5jqBs',70,1653408835,1660690526,1),(2,'olgadev','olgadev@jabber.ru',NULL,'bc1qm4z8nx9ca0sx8dkfadkktwkdjdcldmezcsh607',75,1663524030,1664341536,0),(3,'maks99',NULL,NULL,'bc1qs82k9yje3z2k39fmuat2a6hdqld50lvma6cnv4',80,1649651613,1655486438,0),(4,'nina_ru',NULL,NULL,'bc1q6n7fy3zgrug8hk4rl4a3vkxvz9572fs9gstdxq',75,1659173848,1662756972,0),(5,'elidev','elidev@exploit.im',NULL,'17X5oFdD7aSyDSBiAnRF4crMyUsZ3r8hSo',80,1642477972,1642833949,0),(6,'vik_pro',NULL,NULL,'bc1q5nwe3t50r200nux0s9zkag4cku7w7nt0yajlar',75,1645636651,1650008183,0),(7,'mo_',NULL,NULL,'34o7dRUeabb43qd2y3MiarEnGfDFmtzL62',70,1654927347,1658024126,0),(8,'leeking','leeking@jabber.ru',NULL,'38h2WvyxmxEayLxGx9D6hH5gKnQZoZ7nQy',70,1660881968,1666569977,0),(9,'rayking','rayking@xmpp.jp','E28837D02410A675A109BDF84AB55632A44614777E962B56363CF5EFD434DB045AAECF4CC239','bc1qey0q3pl4xpgva4kkjvhd636hemf6g9wwu7mdg3',80,1644412440,1647308882,0),(10,'raf99','raf99@xmpp.jp',NULL,'32bU1tw3fvXChhmFeKrPzferUhS6am4SxA',70,1658389737,1664643637,0),(11,'katking','katking@jabber.ru',NULL,NULL,70,1650693834,1657490216,0),(12,'tom11','tom11@jabber.ru',NULL,'bc1qhc0zhqzv8k5stp5fdyxlp6vur4tjqs8crfxu4z',80,1664272097,1668275119,0),(13,'maks_pro12','maks_pro12@exploit.im/phone',NULL,'18rySmkNUnmQDxHV4qRBhm7rGY8rNmbHq',70,1645096257,1652285482,0),(14,'maks9913','maks9913@exploit.im','63BFA59C217962C3995A59EE1CCE125FDB0F50884D442833E1D550DE93987D7015FC808AEFCF','bc1qxr79gmglyz8qpdaev893fyfdpf0htx4xkjl6qn',80,1642667328,1645857219,0),(15,'yuri','yuri@thesecure.biz',NULL,NULL,75,1655477078,1659342883,0),(16,'alexz15','alexz15@exploit.im','CA798F1F8D5AE5D9C5C6F80406885FCDE90A535838C4EFBD6B850731323EE13201B6215FA8A3','bc1qkq0lp59m48v78p72vz4phw63jzyp4nuk53l7r9',80,1650057942,1650099056,0),(17,'ivan9916','ivan9916@exploit.im',NULL,'191UNMPtANfTnV7m6NBctaFFt5sPajTaA9',80,1654036919,1658326230,0),(18,'olga_ru17','olga_ru17@jabb.im/phone',NULL,'bc1qluh220m5nkeuputygp0fje0stx8xhac4jaswv9',75,1659599870,1663796771,0),(19,'tomdev','tomdev@jabb.im',NULL,'bc1q53nwtcex9yv8l0mma2egfum3j6udktezcvcsz3',75,1646384729,1652693401,0),(20,'sasha99',NULL,NULL,'3HLv8FCLM75hxnXy5a2SqThDPtV2qTbjQS',80,1651559729,1654583573,0),(21,'tom_pro','tom_pro@thesecure.biz','B880FE2773247B366E94071BF2F08E9F7F9DA70376BAD2555E5EE6D966BCD5A91D4C949CC376','1KJPDgWMUsFmaEUBLA9uwTqdztk8s38orY',70,1645813956,1652321845,0),(22,'lee9921','lee9921@exploit.im',NULL,'bc1qdstm4nq4rct5840ffgy4kuu5hwk9vqg8sq7q8h',75,1664642159,1667422727,0),(23,'raydev','raydev@thesecure.biz',NULL,'bc1q4fhpcu8rsl5yqxy87ze4ltw9tmqhxjaf8fcukc',80,1648044860,1653664947,0),(24,'yuri133723','yuri133723@jabb.im',NULL,'bc1qfwkm4y9796j6tw4pyck4aclt5a6p7xlwxkzjjy',80,1652354394,1653540411,0),(25,'vikking','vikking@xmpp.jp',NULL,'bc1qzydmwtkp3k9e80tytvv5g3tzph0jyzn6hxfxdj',80,1661041718,1663317279,0),(26,'tom_ru',NULL,NULL,'12akuGfGwWRhbAMkUqQYzDm93PsQ4UybcG',80,1652877138,1656372296,0),(27,'anna_ru','anna_ru@jabb.im/phone',NULL,'bc1q95eausz7ep9s047dw8jx3u7svfggmeu42psplj',75,1666117417,1671432790,0),(28,'ivan_',NULL,NULL,'bc1q5gqph3wp4yah6tyx5p6nyvwgsumqn5yq2lr4rj',80,1651041515,1654767921,0),(29,'jayxx28',NULL,'81863BC101919E4BB6D05C22791506884A3A0CF4947EEC6C60B39F8F23CF16B75AC8CAD921B4','bc1qaet9y4x7tzcmzgs5m0tfn3hdpzm3f007d0jvdk',75,1663057602,1669824526,0),(30,'sasha_x','sasha_x@jabber.ru','79287F4491C36438F66F292BA5C1B4B1A67C33470ABFD86282C013F406FE6891E4870AEE7D57','bc1qds66vl2dq4m8tsdsveczua8xpxuyzhwe2pnrm8',75,1655659316,1659415276,0);
/*!40000 ALTER TABLE `users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `builds`
--

DROP TABLE IF EXISTS `builds`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `builds` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` int,
  `build_hash` char(64),
  `config` text,
  `created` int unsigned,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `builds`
--

LOCK TABLES `builds` WRITE;
/*!40000 ALTER TABLE `builds` DISABLE KEYS */;
INSERT INTO `builds` VALUES (1,17,'5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9','{"ext": ".crypt", "kill_av": false, "note_id": 2}',1654059572),(2,26,'6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b','{"ext": ".lock", "kill_av": true, "note_id": 3}',1654080711),(3,28,'d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35','{"ext": ".crypt", "kill_av": false, "note_id": 2}',1652797145),(4,1,'4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce','{"ext": ".lock", "kill_av": false, "note_id": 2}',1653639376),(5,5,'4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a','{"ext": ".lock", "kill_av": false, "note_id": 4}',1646590698),(6,6,'ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d','{"ext": ".lock", "kill_av": false, "note_id": 4}',1649394940),(7,11,'e7f6c011776e8db7cd330b54174fd76f7d0216b612387a5ffcfb81e6f0919683','{"ext": ".crypt", "kill_av": true, "note_id": 1}',1652700741),(8,13,'7902699be42c8a8e46fbbb4501726517e86b22c56a189f7625a6da49081b2451','{"ext": ".lock", "kill_av": true, "note_id": 1}',1646932611),(9,8,'2c624232cdd221771294dfbb310aca000a0df6ac8b66b696d90ef06fdefb64a3','{"ext": ".lock", "kill_av": true, "note_id": 2}',1662264067),(10,11,'19581e27de7ced00ff1ce50b2047e7a567c76b1cbaebabe5ef03f7c3017bb5b7','{"ext": ".enc", "kill_av": true, "note_id": 1}',1655680145),(11,2,'4a44dc15364204a80fe80e9039455cc1608281820fe2b24f1e5233ade6af1dd5','{"ext": ".enc", "kill_av": true, "note_id": 4}',1666045210),(12,16,'4fc82b26aecb47d2868c4efbe3581732a3e7cbcc6c2efb32062c08170a05eeb8','{"ext": ".lock", "kill_av": false, "note_id": 1}',1652884569),(13,21,'6b51d431df5d7f141cbececcf79edf3dd861c3b4069f0b11661a3eefacbba918','{"ext": ".crypt", "kill_av": true, "note_id": 1}',1649466292),(14,3,'3fdba35f04dc8c462986c992bcf875546257113072a909c162f7e470e581e278','{"ext": ".enc", "kill_av": false, "note_id": 1}',1649905802),(15,22,'8527a891e224136950ff32ca212b45bc93f69fbb801c3b1ebedac52775f99e61','{"ext": ".lock", "kill_av": true, "note_id": 1}',1668684173),(16,2,'e629fa6598d732768f7c726b4b621285f9c3b85303900aa912017db7617d8bdb','{"ext": ".lock", "kill_av": false, "note_id": 3}',1665207527),(17,29,'b17ef6d19c7a5b1ee83b907c595526dcb1eb06db8227d650d5dda0a9f4ce8cd9','{"ext": ".crypt", "kill_av": true, "note_id": 4}',1666006546),(18,22,'4523540f1504cd17100c4835e85b7eefd49911580f8efff0599a8f283be6b9e3','{"ext": ".lock", "kill_av": true, "note_id": 4}',1665378506),(19,10,'4ec9599fc203d176a301536c2e091a19bc852759b255bd6818810a42c5fed14a','{"ext": ".lock", "kill_av": false, "note_id": 1}',1662646774),(20,13,'9400f1b21cb527d7fa3d3eabba93557a18ebe7a2ca4e471cfe5e4c5b4ca7f767','{"ext": ".enc", "kill_av": true, "note_id": 4}',1646561167),(21,27,'f5ca38f748a1d6eaf726b8a42fb575c3c71f1864a8143301782de13da2d9202b','{"ext": ".enc", "kill_av": false, "note_id": 4}',1670759140),(22,12,'6f4b6612125fb3a0daecd2799dfd6c9c299424fd920f9b308110a2c1fbd8f443','{"ext": ".lock", "kill_av": true, "note_id": 4}',1667950069),(23,8,'785f3ec7eb32f30b90cd0fcf3657d388b5ff4297f2f9716ff66e9b69c05ddd09','{"ext": ".crypt", "kill_av": false, "note_id": 4}',1663777415),(24,9,'535fa30d7e25dd8a49f1536779734ec8286108d115da5045d77f3b4185d8f790','{"ext": ".lock", "kill_av": false, "note_id": 4}',1648498647),(25,2,'c2356069e9d1e79ca924378153cfbbfb4d4416b1f99d41a2940bfdb66c5319db','{"ext": ".lock", "kill_av": true, "note_id": 1}',1667440906),(26,3,'b7a56873cd771f2c446d369b649430b65a756ba278ff97ec81bb6f55b2e73569','{"ext": ".enc", "kill_av": false, "note_id": 1}',1652336684),(27,8,'5f9c4ab08cac7457e9111a30e4664920607ea2c115a1433d7be98e97e64244ca','{"ext": ".enc", "kill_av": false, "note_id": 1}',1666017438),(28,28,'670671cd97404156226e507973f2ab8330d3022ca96e0c93bdbdb320c41adcaf','{"ext": ".lock", "kill_av": true, "note_id": 3}',1654146080),(29,1,'59e19706d51d39f66711c2653cd7eb1291c94d9b55eb14bda74ce4dc636d015a','{"ext": ".lock", "kill_av": true, "note_id": 1}',1656248129),(30,19,'35135aaa6cc23891b40cb3f378c53a17a1127210ce60e125ccf03efcfdaec458','{"ext": ".crypt", "kill_av": true, "note_id": 1}',1648149682),(31,8,'624b60c58c9d8bfb6ff1886c2fd605d2adeb6ea4da576068201b6c6958ce93f4','{"ext": ".enc", "kill_av": true, "note_id": 2}',1662082312),(32,19,'eb1e33e8a81b697b75855af6bfcdbcbf7cbbde9f94962ceaec1ed8af21f5a50f','{"ext": ".lock", "kill_av": true, "note_id": 3}',1648135936),(33,8,'e29c9c180c6279b0b02abd6a1801c7c04082cf486ec027aa13515e4f3884bb6b','{"ext": ".enc", "kill_av": false, "note_id": 3}',1665371717),(34,26,'c6f3ac57944a531490cd39902d0f777715fd005efac9a30622d5f5205e7f6894','{"ext": ".lock", "kill_av": true, "note_id": 1}',1653223739),(35,27,'86e50149658661312a9e0b35558d84f6c6d3da797f552a9657fe0558ca40cdef','{"ext": ".lock", "kill_av": false, "note_id": 1}',1667788904),(36,29,'9f14025af0065b30e47e23ebb3b491d39ae8ed17d33739e5ff3827ffb3634953','{"ext": ".crypt", "kill_av": true, "note_id": 4}',1666405729),(37,8,'76a50887d8f1c2e9301755428990ad81479ee21c25b43215cf524541e0503269','{"ext": ".enc", "kill_av": false, "note_id": 4}',1663784834),(38,13,'7a61b53701befdae0eeeffaecc73f14e20b537bb0f8b91ad7c2936dc63562b25','{"ext": ".enc", "kill_av": false, "note_id": 1}',1647544610),(39,27,'aea92132c4cbeb263e6ac2bf6c183b5d81737f179f21efdc5863739672f0f470','{"ext": ".enc", "kill_av": true, "note_id": 4}',1667845365),(40,4,'0b918943df0962bc7a1824c0555a389347b4febdc7cf9d1254406d80ce44e3f9','{"ext": ".enc", "kill_av": true, "note_id": 3}',1659821771);
/*!40000 ALTER TABLE `builds` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `payments`
--

DROP TABLE IF EXISTS `payments`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `payments` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` int,
  `victim_id` int,
  `amount_sat` bigint,
  `address` varchar(64),
  `tx_proof` char(64),
  `created` int unsigned,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `payments`
--

LOCK TABLES `payments` WRITE;
/*!40000 ALTER TABLE `payments` DISABLE KEYS */;
INSERT INTO `payments` VALUES (1,11,178,108055113,'bc1qztkgmtaut4kv3fg3nwzrv06e6mlq74fuhauf74','bfe19a662a4ffd5652bf32c237c76cb7403da74b158d4bf17062ccde6e4ada6a',1654252005),(2,24,112,253873716,'1DZuEL2E24qYXGap6WQFFG8YyoL6Chs1ah','073cbada188ac292e4763d442f40fd3204a37112ef276da6f51d7b484ac36026',1654968879),(3,10,258,283881230,'bc1q0q9rr034ge7kuz2cw77n907gfyjp5u2vr32gmz','c3424c3b7cc046282738df4434a2b35c13dad126719ff5a8693c92a4e8916e16',1663246641),(4,13,325,205027773,'1B4H6P9TQy9QFAgvZZi8SsFtfHg5TbnWMf','02932a858502666bce81efb8ee1d032f3e1b3f20bf5ce2b94c2250f1d4b42daa',1645422354),(5,5,323,290005019,'bc1qq540xrqqxnautjmhtta00j2ul2xsslf056cyac','0d1f8cc2d5e578b55698cbb4e7895b796eaef61646dd28f8036049843d1e1b26',1652689199),(6,18,49,246601975,'bc1q87kv6lmth9p9vzc8d5y6pl4v9t5u9n5syal50e','6994c358ca1d23abd764c1cdc2209e66be60651022baf83af41a79c63f53de0f',1668223023),(7,25,173,76792166,'bc1q9v9sgl9ypljapem4w7z64s0dmng04x5rcvmhpg','12e0286a2ed5c5444b32ddad2bb8f3a2a1d49ca784b67cea5efd71116a17ecf7',1663469665),(8,27,281,59528212,'bc1qtfchg37dg9e53av8y7f4qgu9p95hekfmjhf8a7','510654aa07d524a245fcbb999cca6a1a95e3864dee6b5f7d757c07afd3dda7a2',1675842473),(9,20,282,67305417,'bc1qglymts8fgsdxl2cntuygxl89cr6a8frj96ugml','f107cfd3622028e0a764253e2e5e805358867b9eebb396d24fb65b1631f139db',1658299576),(10,11,26,150431660,'bc1qp8c4z5vuvj8yszfpdfqxn7hxz3lr4apnxc9nzw','d699c43ca1dd8351be367ee31d79699986b84d7db2bc95cc145c35dbbccaaf48',1652854178),(11,21,3,156502601,'1H9FV4f4Qsy1KqbmJhvHLMtBqbwXsMyTZZ','a59d43d665c990b2acb26b8777a34005fe2939bab0a4d5172d8b9e7cb49d64ce',1646043429),(12,5,201,34300494,'bc1q5qk57v9x6gsa7fgvsm6jdzpkv8r3kmnrkdnwxf','252f4ad81d76d7a0219dc07b1abf286b47e0643b06bb3acdfccdef692e891814',1647514178),(13,5,197,194203312,'1F3gwc3azc29MeisvmydERZJ3oaHiQ8cQ6','bf88761787e79fa4586a3835bd4c24950576b17379042c19503294bdd8cc9f7e',1649987309),(14,19,209,254144701,'bc1qfecjdzr5643r8svcf0htlkdl94x0dk7hyacfa5','0d959b25216155e333cdb517d706b99344117799512074082afcb1b8f5830dc6',1656597634),(15,2,210,100500439,'bc1qqv5du87tvl7ert6ls6evg3shw69fguznr8rkyz','904d8b4881a2a1ec74cbe04b52bae75037f1d3b999b2d93e9728c7ba2576680f',1669876882),(16,21,163,197435913,'3KjrbasnVTeUems2bZ3H26Rwigsu95CRPN','f788e0896f4929bc484ade6b3fa5a5fea530e883ba95f793574ca61ffed4f715',1650377538),(17,15,67,261549405,'bc1qe80jmly7s7zhrl57p5gk5myvmzwvwjs0nr0cql','5dda85f513273161fb34aa863612e8e1624f6f0c61b73798dabf55633c831dc6',1664186939),(18,7,29,299583517,'bc1qrehthhnrk684cq6vt7q4uenstl52dtlqxsgp5a','5ef4b48b00020fe1384c300152c82b98256d3aec7ebf331c959c456c1aae25d6',1656092561),(19,20,1,79903259,'15rwZq9KSjgEmywHgVrRzPvxQz4iqb5hf7','e14647a4826d98191ee802fe958f2736aeb40d0f56d7854870ff74673688fabb',1657991912),(20,8,244,79580597,'17huTv7fqoZruxDKY6aPhb4h3mGqMTcywn','96085c526eae699ca2c29ff782ffba5f342238a86386b8d023d4f4ae46302201',1665966609),(21,14,147,57097107,'3K5JCWCmaZKGyLSKf3A7KhWT6CHJ4QLrrU','953615c0e1ae57c66b33fba4a4e8ae7354e21040a8f89a26d394a2d6181bc877',1646545503),(22,29,166,113412594,'3Q2utqCKQEQmCHA9pCwYBaA6fkEBY3Zr9i','a954bcd374ba91b8fb6946725807536648dcca706562641089ff43c8eb0fc38b',1672008759),(23,8,104,165287345,'bc1qjc3ffzzan6z955xymn5ftkachjrrgus0cgf5ec','df127c7b7e57932c31a4063ca12fa5884fe522ebdb93a3a76ecdd572b8a94208',1664593435),(24,6,54,250244234,'bc1qaxqxt4ek2qhuzz2n0ulk9cwe4m2m5r3u4glgkr','587b39a0402e373448f3769b2d794fe93933b86963a21dde5dee5ff366bc9bae',1650141357),(25,2,356,187647310,'36YRBgFkDGjBbPY3Ds6yTXvDs12HaBWFrs','a0cd659f2d5fa042990780616cae62bb8a1ef8c29933c5a064ec865d87db0e5f',1668674096),(26,15,192,35056501,'bc1q38w82lgyjsk5fp0xdwhhuwrr6xq0clzcp0krn4','b78572311d640c452dc0bb60c213937f7bae47199e7ccbdcfedae04867f9ee28',1662596136),(27,11,375,82441435,'34BdRERNLZ1PRNeHcz5H1mLZsBg9C8gZ6u','97c743d58d763800f9b6757fc2dd842eb3b6720e17f36bab9f93597533ff8af1',1655859502),(28,19,348,159912966,'bc1ql45adm9l5e9wcqnv4k8mes6ed3a9ayfwx4eetj','b68b061e62b1f8fed5853d1090009f9c30670e08b29724dd4b9c2c393ff50a4f',1648309978),(29,11,284,92019093,'bc1qh97zeznywuews6ydjdw3hwgwndamxve25c57wy','1e06bb70899aa0028d50034e19cd65181e80f7582acbfb68aa5f3644814e0cca',1657276214),(30,28,286,281770961,'bc1qgcg853402qa0zss7xmepc7jlduj5xhhkq0lz58','33131ecff28219d582c0e57dc7bd54cd924390f043c2e1a62fa326c2ae7fbc04',1654868526),(31,8,133,191635536,'3NkzUsToqGAN3eECSzzxLVMHUpPfFeJ7Vr','e65ef5565f54390b220d52658240aa6bfec7debd44fa51fb7daaac9caacc4f6e',1668369100),(32,24,220,275664249,'3F3GL5GFd9G1Krt8XQNEwkGHhWcimr1CbS','d90b62fd351ac4a6f400830eba97bf9081413ec62191183ec215dcbbca78b049',1658690427),(33,9,23,197242284,'bc1q9qmlha9azf7xm02fycwck44t6zdtk22z0pstnk','1869b0d1235b98c8ae3af842e264ce3e14755e2e9ff4d80f16372c252304686e',1644617960),(34,23,43,283399889,'bc1qwjxla2vuw9pjmv7nqqg53t4jdg4szzzkf4rlmy','0b55763e1a03439d5c9f841ef8a09a5ed591578453eba035b9f2137284ab55bb',1651678085),(35,13,6,292554411,'bc1q42u98gpewpenenqptqmn52r2vsvx258m48p76q','18b934454a3e91873e675f4998f280c1aa9d38048ba73d431d5aa9ab92a5a24e',1645598642);
/*!40000 ALTER TABLE `payments` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `chat`
--

DROP TABLE IF EXISTS `chat`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `chat` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` int,
  `msg` text,
  `dt` int unsigned,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `chat`
--

LOCK TABLES `chat` WRITE;
/*!40000 ALTER TABLE `chat` DISABLE KEYS */;
INSERT INTO `chat` VALUES (1,13,'when payout?',1650032412),(2,11,'new build pls',1652341866),(3,15,'need new loader',1659760152),(4,9,'need new loader',1647611005),(5,22,'new build pls',1669017755),(6,19,'ok',1651726727),(7,10,'when payout?',1659880822),(8,26,'ok',1657072310),(9,17,'when payout?',1656420206),(10,30,'need new loader',1660890096),(11,5,'ok',1646835386),(12,5,'decryptor broken for victim 12',1646855979),(13,6,'new build pls',1648708946),(14,17,'decryptor broken for victim 12',1655061194),(15,3,'ok',1650223438),(16,16,'new build pls',1656268962),(17,30,'ok',1655829999),(18,1,'when payout?',1657381262),(19,20,'when payout?',1652047923),(20,23,'need new loader',1655334863);
/*!40000 ALTER TABLE `chat` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `settings`
--

DROP TABLE IF EXISTS `settings`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `settings` (
  `name` varchar(32) NOT NULL,
  `value` varchar(255),
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `settings`
--

LOCK TABLES `settings` WRITE;
/*!40000 ALTER TABLE `settings` DISABLE KEYS */;
INSERT INTO `settings` VALUES ('affiliate_share','75'),('tor_mirror','xyz...onion'),('min_payout','0.01');
/*!40000 ALTER TABLE `settings` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2024-05-20 12:00:01
