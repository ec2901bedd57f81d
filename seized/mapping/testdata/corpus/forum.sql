-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: forum
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
-- Table structure for table `forum_users`
--

DROP TABLE IF EXISTS `forum_users`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `forum_users` (
  `uid` int NOT NULL,
  `name` varchar(32),
  `mail` varchar(128),
  `wallet` varchar(64),
  `regdate` int,
  `posts` int,
  `reputation` int,
  `ip_reg` varchar(45),
  `signature` text,
  PRIMARY KEY (`uid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `forum_users`
--

LOCK TABLES `forum_users` WRITE;
/*!40000 ALTER TABLE `forum_users` DISABLE KEYS */;
INSERT INTO `forum_users` VALUES (1001,'luca1337',NULL,NULL,1664162751,542,-2,'176.127.26.231','vendor since 2019'),(1002,'jay_pro','jay.pro@protonmail.com','bc1qxa5ywth2mmzxx2xresfz8857wyszzq8ckwccg5',1649268811,892,-5,'77.110.84.224','vendor since 2019'),(1003,'mo_pro',NULL,NULL,1659088537,186,20,'103.152.11.93',NULL),(1004,'nina993','nina993@gmail.com','33BFoH61M8zt1RUUgULPNjR45amoCr1rCB',1652130388,366,46,'5.214.187.97',NULL),(1005,'alex0x4','alex0x4@mail.ru','bc1q68chvkyrttjgvsxxwcded078e30dcjcfynhcqw',1647065850,443,6,'77.174.185.236','vendor since 2019'),(1006,'vik1337','vik1337@tutanota.com','3GHpRed38JLxtrzywWBUUFsc4MZHHQimjc',1659287198,352,27,'176.215.74.15','PGP key on profile'),(1007,'ivan_pro',NULL,'bc1quhykjxetda0jvr7cdd9jga8vl70d52lekrttn4',1645376463,534,53,'176.162.245.71',NULL),(1008,'ivandev','ivandev@yandex.ru',NULL,1644772098,511,38,'45.45.251.70',NULL),(1009,'ben_','ben.@gmail.com',NULL,1652930471,372,66,'89.248.135.198',NULL),(1010,'vikking9','vikking9@outlook.com','bc1qf8gcpfdve3d4j34ytz70p4rgt8kdwtx73ty4qa',1641383782,887,52,'91.171.72.136','vendor since 2019'),(1011,'sasha_pro','sasha.pro@protonmail.com',NULL,1657008681,747,48,'45.215.154.160',NULL),(1012,'eliking11','eliking11@yahoo.com',NULL,1641922041,185,23,'45.21.241.251','vendor since 2019'),(1013,'nina','nina@yandex.ru','bc1qdfm4jcdfnsffwdpukln47qzevle50kmg6vg6yz',1644713998,887,9,'185.191.18.141',NULL),(1014,'mo_x13','mo.x13@outlook.com',NULL,1658196802,838,11,'103.209.189.120','vendor since 2019'),(1015,'ninaxx',NULL,NULL,1657001714,623,6,'91.0.195.28',NULL),(1016,'rafxx','rafxx@cock.li','1CWmNA5nYwGhCZXCL7oH9ftzG3DoCkJacD',1651915147,20,35,'89.251.146.37',NULL),(1017,'alex_x','alex.x@gmail.com',NULL,1655875504,846,45,'5.245.140.63',NULL),(1018,'maksz',NULL,'bc1qleucffwantsmaeg7qnpzqnzg3z64d82te36yfs',1646188273,748,62,'5.237.179.93',NULL),(1019,'kev18','kev18@protonmail.com',NULL,1659558458,558,19,'5.219.218.153',NULL),(1020,'pete_ru','pete.ru@cock.li','3JUyEQW2qNii2SXC9tPyT8tbFuKUtgZpqx',1662767477,318,13,'45.244.254.250',NULL),(1021,'ben99',NULL,'bc1q6y2u5y9f7yr9twrdlggl7ean0sxpl4clhhkuge',1659161778,224,73,'31.68.149.181',NULL),(1022,'kev99',NULL,'bc1q3cd6jcd7zfrsay5nr6lxdcylygpxu96skxmaxw',1654884595,701,71,'176.250.180.241',NULL),(1023,'maks99','maks99@outlook.com',NULL,1646065583,568,65,'194.112.134.17',NULL),(1024,'tom1337','tom1337@yandex.ru',NULL,1650505942,884,42,'176.199.91.34','PGP key on profile'),(1025,'yuri_pro24','yuri.pro24@protonmail.com','bc1qv0s8v7hk2gduhpc832ukyrweymclxmdwahcx80',1663407990,813,23,'31.42.251.211','vendor since 2019'),(1026,'kev_ru',NULL,'1HScCZQC1NTYyNQcYbSQ9RVB9M5kEViqLk',1652883476,587,22,'45.202.32.25','PGP key on profile'),(1027,'maks9926','maks9926@yahoo.com',NULL,1642319026,356,-5,'103.240.153.228',NULL),(1028,'ray_pro','ray.pro@yandex.ru','1MKV7UJ9ufeg2jCgZHyPdtcVvb92kG7VTw',1644342202,770,42,'91.30.11.173',NULL),(1029,'ivan9928','ivan9928@yahoo.com',NULL,1663428534,746,15,'5.102.12.148','vendor since 2019'),(1030,'anna_x','anna.x@outlook.com','bc1qzxaladmh98rr6t9vxhcqhfvmd6ulj3gpmshzwh',1664708533,473,2,'176.210.86.12','PGP key on profile'),(1031,'ben_',NULL,'13BZR1Qi73kiF1T97wywC1KTc9BoNyu1iX',1644143097,896,-1,'77.91.206.49',NULL),(1032,'tom_x','tom.x@yandex.ru','15yoz5Vdsf13SPgV8ec7kbmLaE3GDFHVaC',1644618421,459,23,'185.59.71.80',NULL),(1033,'dima1337','dima1337@protonmail.com','3LKwWKoZu5X7JYFpERLERfDHupUfZV1C99',1651493576,73,48,'91.194.0.230',NULL),(1034,'yuri99','yuri99@gmail.com',NULL,1655832386,718,49,'89.54.195.144','vendor since 2019'),(1035,'vik_x','vik.x@tutanota.com','bc1qcw7cupc8rux0sgwntdhacshn7wwqgwu8fs3tmk',1645603234,439,11,'91.103.169.92','PGP key on profile'),(1036,'ninaxx',NULL,'bc1q9wsm2frjc0cxljmdre24zuh28fmfsmetpv5lpj',1646470100,452,1,'45.242.251.153','PGP key on profile'),(1037,'jay99','jay99@mail.ru',NULL,1655069850,33,68,'77.246.181.101',NULL),(1038,'sashaz37','sashaz37@tutanota.com',NULL,1647744889,804,25,'91.180.127.209','PGP key on profile'),(1039,'luca0x','luca0x@mail.ru','bc1q9dj3ns9hfrnwkv7tenq4y74w0rwg38chrnh4uk',1645795300,819,20,'103.5.53.132',NULL),(1040,'rafxx39','rafxx39@gmail.com',NULL,1654051036,525,44,'185.243.204.116',NULL);
/*!40000 ALTER TABLE `forum_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `listings`
--

DROP TABLE IF EXISTS `listings`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `listings` (
  `id` int NOT NULL,
  `vendor_id` int,
  `title` varchar(128),
  `price_btc` decimal(16,8),
  `category` varchar(16),
  `created` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `listings`
--

LOCK TABLES `listings` WRITE;
/*!40000 ALTER TABLE `listings` DISABLE KEYS */;
INSERT INTO `listings` VALUES (1,1036,'Fullz UK x10','0.02729921','tools',1649513466),(2,1038,'Fullz UK x10','0.03429362','services',1649479547),(3,1019,'Bank drops','0.00480962','data',1662543687),(4,1040,'SOCKS5 1 month','0.04328345','services',1657516411),(5,1020,'Fullz UK x10','0.01445535','services',1664733825),(6,1005,'Fullz UK x10','0.03791628','services',1649587397),(7,1023,'SOCKS5 1 month','0.03093807','data',1650118012),(8,1034,'Fullz UK x10','0.04491041','data',1658700943),(9,1035,'Crypter FUD','0.02027708','data',1648876191),(10,1025,'Netflix logs','0.03778927','services',1665145963),(11,1040,'Bank drops','0.01994655','data',1658693474),(12,1024,'Netflix logs','0.04445168','data',1652970993),(13,1020,'Bank drops','0.04006149','data',1664171913),(14,1005,'Crypter FUD','0.03855790','data',1647591721),(15,1037,'SOCKS5 1 month','0.03169697','services',1659649360),(16,1027,'Crypter FUD','0.01230736','tools',1646754667),(17,1039,'Netflix logs','0.01581385','tools',1646503505),(18,1039,'Bank drops','0.01017447','data',1647046633),(19,1008,'Bank drops','0.02856619','services',1649498041),(20,1012,'Crypter FUD','0.01032387','services',1642780307),(21,1022,'Fullz UK x10','0.00400821','tools',1656039772),(22,1034,'Fullz UK x10','0.01660387','tools',1659054698),(23,1015,'SOCKS5 1 month','0.04219525','tools',1657847255),(24,1001,'Netflix logs','0.03394540','data',1664941464),(25,1022,'Netflix logs','0.01901696','data',1659707825),(26,1029,'Bank drops','0.04100203','data',1668034564),(27,1038,'Fullz UK x10','0.01890150','data',1649384812),(28,1014,'Bank drops','0.01934745','tools',1658899611),(29,1016,'Crypter FUD','0.04712968','tools',1655062401),(30,1001,'Fullz UK x10','0.04903747','tools',1665276294);
/*!40000 ALTER TABLE `listings` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `orders`
--

DROP TABLE IF EXISTS `orders`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `orders` (
  `order_id` int NOT NULL,
  `buyer` int,
  `listing_id` int,
  `escrow_address` varchar(64),
  `amount_btc` varchar(20),
  `tx_hash` varchar(64),
  `status` enum('escrow','released','disputed','finalized'),
  `dt` int,
  PRIMARY KEY (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `orders`
--

LOCK TABLES `orders` WRITE;
/*!40000 ALTER TABLE `orders` DISABLE KEYS */;
INSERT INTO `orders` VALUES (5001,1001,16,'1P3DYgWtSogQmEY7Tyj52wBghcyzsQbYW1','0.01230736','c420e74cb265c79da479ddf17faecfede7de07144a64439c2441334161d0e0c9','finalized',1670867763),(5002,1006,19,'bc1q2mcajyyydcxrs6lu83z64wqjy4zlwxydax8uzh','0.02856619','3eba1a24ef14ddc1db0108fb62e3ae86d805c43f8a968ca62e0eace7fc117648','escrow',1660143839),(5003,1029,12,'1Acy167YQWtEZP74HpSpLidm7aNEnkZ4j','0.04445168','f4c39b5515d9628884eae0bf78cdba19031f610e71510aefcdb0a7a4f96be33c','released',1665856701),(5004,1039,27,'bc1qp55xf3w8sphae9lsu756t84zjcynwpnt0z4tny','0.01890150','6eae60abd35ff725d2da9eaadfcc15b6cffe4c8569cb1b18b927b94fc501dec1','finalized',1653560258),(5005,1025,1,'14QFBDPiXCfFw8RT12imzutGr3P8E5ms3p','0.02729921','13b09d7075298e3ec20ef69a2b524e31c4eec4e61f92ec13a224c418aaa02cc3','released',1664114366),(5006,1025,2,'15cnUHL4QReRNu8MqgrecDxobAYHuS9a5Y','0.03429362','a7635b04c0fe205f21a06a0c44465bca15e882866dd4339dcff8a7d02f4f3f20','finalized',1666622855),(5007,1022,25,'bc1qsnjlne9n3ct5s8qm53n97n27apage9r3ajkxju','0.01901696','047c672f4358015623f5a85791946a1df70bc0c63daca445deec3aa3f7422f47','released',1659545772),(5008,1001,24,'bc1q0w4tgrszq0znv6emsxmec0x2fc8vmqparn5nma','0.03394540','8ec94575057a5690c6ca01b058834c93e255fb7162af6090b13731a109cd67a7','finalized',1666746811),(5009,1029,15,'3PHeZeJncCSonSkJHMEuvJHBCUzFjT9TSo','0.03169697','1934b6356384c1fb9e8848f7875b8d793649b007bc783ffd0e21fd0c72df94d7','escrow',1667821687),(5010,1020,27,'bc1qdq3hgkgs0cqfpyp4j96q5raazcw40c3yy9ne4j','0.01890150','c8a001bb7be4707946971a3dd0ac8d484367c393573d81def7afdebd5fc9bef1','disputed',1664060552),(5011,1008,9,'1FcLFQXofE3KGqHTi5gw8WDd3f7P9mp6J2','0.02027708','74b56fbc02783adb1f9b43dd8fac03745ae63085bd5ef7a7e6d4ef8f0d4cc5a0','finalized',1645221666),(5012,1040,16,'bc1qdy0xnwy8n3ceeyec38ety895zzu2l9churv0xt','0.01230736','b88a9b298a8624eae45ea6a086465d8da61c8cb24dc8aeb075d5c091b73e2e55','escrow',1661176184),(5013,1005,21,'bc1qc98yyazvfsqwpsjjsj5wvlmhvyn6wdl3c7ac4z','0.00400821','26741dba16947ac57526773d348b0dcd9c995769f25fc1c8508b65d6436b87ac','finalized',1650111216),(5014,1006,21,'bc1qsjnx2tpjy04862a0spewlyjcayzz2m6y4nt5mq','0.00400821','8e283f40377a370be672846df36fdca2893ed29680ac87d17e67302c902d09e7','finalized',1661385125),(5015,1011,14,'3M8v3RWogX2AGn2fxLTrMki7yBWRpZf1Zk','0.03855790','dee895851a5b2e96188fec73561f092b1c4b3fa2c516f99eb08ee3551dd13033','disputed',1662396979),(5016,1019,28,'bc1qcmugkc3v5f2mn3zzr95dk48prp83qj4hyhzcck','0.01934745','4d2a5da210f0d90a100e29d668968826dea33376ffb8aea66918bca9564e9afe','disputed',1660222885),(5017,1012,2,'3NevmVbCbPU7xiU5kDMj9g9nqqEmLRnWHR','0.03429362',NULL,'escrow',1642644139),(5018,1030,13,'bc1q8cwemzgczknle2v2v9h3632w3460n5ndsgg0x6','0.04006149','a2444adea80104a561bb815522387154eb1189fefb3bfadd83c0aed4e1c623c2','escrow',1666312054),(5019,1013,11,'bc1qfcxahu9ywa88rr02ejf29qzpfq4tagzpf38z4f','0.01994655','225aafd3192cf3099ad85796b5c2d318c22f4872676968cd78740f5674e961a5','disputed',1649799639),(5020,1013,15,'bc1q8v3r724yz6u8ysv7wmd662wdkfa35ny5y64z8k','0.03169697',NULL,'escrow',1650066132),(5021,1023,23,'bc1q3c0nfscx26few7ar6a7alhu9awdy3xj4at2uw3','0.04219525','f9f4055d5ed4490d6a263fb34b5250506b891940861fbb6c2200d1c449e3b4ba','escrow',1652637198),(5022,1009,10,'3JefCCvegCEUoUXfc6c51i7CYrEDMeo1Uy','0.03778927','ca00f5eb9d47bfb6b06ea427b628d59d53edaffa8151b42686333ee3bb5995cf','released',1659694351),(5023,1001,6,'bc1qqzyu5779wlt97ze63yq847q7hsejh7ftpw2mdz','0.03791628','1a2b5cc8a6a7735a663fc056d44144ccaa7a16a93cf929de81de8eb8da4690e2','disputed',1667477955),(5024,1027,21,'3P7dMst6hag9GM5FBXoPRPgrRL6Enggjn5','0.00400821','0fc1b6dbba02581fafa6fa06c8da73bf71cce240ce0a2509c1f35eba8d0f1ef1','released',1649886528),(5025,1017,17,'bc1qpemqxvxyxqdjca0rwrnv67r6f2z3xpky5jvrf5','0.01581385',NULL,'escrow',1662399288),(5026,1040,20,'1FNLS987KgZu5U6tPEA1TNrzCQUUAh5DRE','0.01032387','65453f8b385e78012c13071316d5b1d0e33a57a65e8de99c88b9fbfb19a27e0b','finalized',1654165067),(5027,1003,14,'bc1qht0kxep2ch6pmerzkqcrwgt8ueej2684c9q0zf','0.03855790','d6a8257fdc3bc1c8b002d614b1853f2d338a8940c485d53f865a7f3674a94289','escrow',1664903822),(5028,1018,25,'1NNXTBHLXwCwf52iq5BNiuabrKoTyjibN6','0.01901696','f84babb18891b1c2d237f14d312c34ec0bd19cbdc4f6f21cddf02df4ae91b268','escrow',1653323403),(5029,1011,12,'3BkZSQhm37Dq7aZ88gA6v24ZjdVETtSv1K','0.04445168',NULL,'escrow',1664630896),(5030,1021,24,'bc1qtcqlcr4enf0vrcn6g0xeyulzad2fh7yf7hdry3','0.03394540','3ac85ec40439b8c6d2a2c3b0fa6368fa70b967658f0a577c6d2f64ee64a9a8a1','escrow',1663277845),(5031,1019,4,'bc1q39ans9d257v9qxq5hffkstzjt8duf3c2fjlyu9','0.04328345','e3ebdad484d55bfced4bd2791f9d1d9ec7831d85ad7fc16aa125c03a4f3dee84','disputed',1660336960),(5032,1006,2,'bc1q0qmhznfxd3re6uujztu2epp7u99dg9uhm859cx','0.03429362','28e43e91188faf7369e67e434ab4f7796064c958ee5eecd112a405af4d77ed3e','finalized',1662274242),(5033,1028,3,'19Mm4NVs8MgCzw961h7oWCuJmRS8Jmm76G','0.00480962','809e7801e3b83411d26de3c475bdb78f43abc3604f3ba27a491eb3e1e3b3adec','finalized',1648840839),(5034,1023,17,'bc1qs2g7zumf4qefmwn8aak37ggswpfwzz2wnah8kr','0.01581385','2ce45afe1bb446a49728585ef0910b929a71912f6bc952b75d7e6974c9462c56','disputed',1646230348),(5035,1029,5,'bc1qrwtvrvl8psg7c9zt5p9ysm4g8vyxuazt53nf92','0.01445535','905f768c82929884ff2eb34eb18bd5c7872bff0e550a2cacb1d803692962bf2b','finalized',1670673890),(5036,1026,27,'3MPJsd4yEys3RBfppysXuT8CEHREBgrryP','0.01890150','43be01adff3b3b79730981e4db5cedf266e6db8463e4395c1d856d0ff0b1ffa3','finalized',1654061831),(5037,1010,24,'bc1qguhze7mfqth2uejsgyceufm0axwcgaq7cdqvsw','0.03394540','67e18849a8b38144318c43fad17f3d8b31af3ce80916098960cf39d6494f6f57','disputed',1643514413),(5038,1032,29,'32KVeTUt6MXKyBtZn22N4bmP7nJzqCy5Yz','0.04712968','fd32183cfe172bc73966ccc2ebd5c9d30bacc1f9347390cb86abb71279b482c7','disputed',1647473968),(5039,1021,8,'bc1qpzepls33r0amznc78lnppgsuchlwt0v4fwnde9','0.04491041','692a92e84147f46f5651cd1ec85b93ff59da0af4d5eff490ebfbde5feb9bb8d1','finalized',1660666664),(5040,1018,10,'bc1q8ku0vlwkqtzyu7xe80vsaw4lh0q7nuvw74gvrx','0.03778927','428cd9e3b009bc12095568507c04ba03484d441b18d6a09592bd206caa4662b7','escrow',1646304538),(5041,1030,5,'3PEBFDXAQ69iCsVMZi2JvieFmbzfXf2zwn','0.01445535','264867a573f81bed4b95ff6a957e8a90ca64d57bd73ae451dae49525372e3953','escrow',1670546829),(5042,1001,19,'bc1qaqqeqngk8g7rgc425k2nwjxhhv3nfshttzsy8q','0.02856619','bb808b4dd68758d6b47402189d75f47a978d5a7a9b1fb3251e6e25762b560805','disputed',1669250394),(5043,1032,8,'3HkxpB5n9AAj7B5BYnMRpxuESNRQoLVav7','0.04491041','28ddc12b9aff35402a4bad8f8f4cba1603874c914d57c8c803acb8e7d6bbb067','finalized',1650202630),(5044,1020,13,'1LvrKgz8BkU9ohjFuNRuYM3C2bZuK5hUKX','0.04006149','2953d97db77416f54519e5a232cfd51d07f677448bd8a8644b6f81f12e4048e0','finalized',1665179016),(5045,1026,27,'bc1qtf8mz8yl8cze5wh3gl8w2cr3eeq3z7n9fplepl','0.01890150','fc863e97b88d6f73e43c6f08aac5285567f374da2642647efaa946bc7c31d2f8','finalized',1656973402);
/*!40000 ALTER TABLE `orders` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `ip_log`
--

DROP TABLE IF EXISTS `ip_log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `ip_log` (
  `id` int NOT NULL,
  `uid` int,
  `ip` varchar(45),
  `dt` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `ip_log`
--

LOCK TABLES `ip_log` WRITE;
/*!40000 ALTER TABLE `ip_log` DISABLE KEYS */;
INSERT INTO `ip_log` VALUES (1,1035,'5.203.22.52',1654077640),(2,1017,'91.89.188.111',1658603893),(3,1025,'77.31.144.194',1667212777),(4,1027,'176.245.90.196',1650173149),(5,1031,'176.226.122.254',1648108737),(6,1021,'77.75.43.32',1666644866),(7,1030,'185.5.75.4',1672871475),(8,1040,'45.57.23.213',1655134346),(9,1028,'176.94.61.194',1644686880),(10,1022,'103.173.114.249',1657632822),(11,1032,'185.252.165.13',1649966047),(12,1001,'176.21.104.49',1668413819),(13,1018,'89.117.123.114',1647305065),(14,1037,'176.244.119.85',1662021379),(15,1017,'77.186.223.1',1661153290),(16,1008,'45.121.161.74',1648712717),(17,1023,'77.150.53.162',1654096918),(18,1017,'31.137.22.37',1657640847),(19,1007,'176.153.74.139',1649090409),(20,1021,'91.94.22.111',1666279600),(21,1025,'5.58.132.214',1669972912),(22,1006,'31.3.160.79',1667100489),(23,1009,'45.186.155.72',1654317708),(24,1028,'103.3.232.123',1649550573),(25,1031,'31.157.38.63',1651236211),(26,1008,'31.121.199.135',1647994003),(27,1031,'185.187.103.38',1644637043),(28,1002,'31.207.211.3',1657126797),(29,1022,'185.119.160.232',1663152814),(30,1017,'77.116.249.124',1660122285),(31,1005,'89.43.149.253',1654321693),(32,1003,'176.27.88.13',1662991006),(33,1028,'185.76.106.90',1648275442),(34,1005,'185.219.92.58',1654540396),(35,1032,'194.68.227.243',1647352272),(36,1024,'176.58.239.77',1651713395),(37,1030,'91.184.124.19',1669399032),(38,1024,'89.19.177.96',1656295330),(39,1011,'77.195.210.96',1661488837),(40,1027,'103.112.92.193',1642838292),(41,1022,'5.48.100.233',1662057695),(42,1034,'194.243.58.110',1659093762),(43,1024,'77.202.57.145',1651122055),(44,1025,'91.116.178.41',1670328504),(45,1022,'89.159.252.84',1657743936),(46,1015,'5.235.167.57',1658463427),(47,1032,'91.152.45.78',1647100238),(48,1039,'91.249.84.122',1649109361),(49,1026,'176.138.13.203',1656129521),(50,1007,'103.80.10.182',1650892522);
/*!40000 ALTER TABLE `ip_log` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `pm`
--

DROP TABLE IF EXISTS `pm`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `pm` (
  `id` int NOT NULL,
  `from_uid` int,
  `to_uid` int,
  `body` text,
  `dt` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `pm`
--

LOCK TABLES `pm` WRITE;
/*!40000 ALTER TABLE `pm` DISABLE KEYS */;
INSERT INTO `pm` VALUES (1,1017,1002,'still available?',1658877542),(2,1028,1008,'sent payment',1646312906),(3,1038,1021,'check escrow',1660869492),(4,1040,1026,'sent payment',1655213310),(5,1039,1031,'check escrow',1649129449),(6,1030,1021,'check escrow',1667346729),(7,1022,1003,'check escrow',1662413625),(8,1031,1039,'sent payment',1647993909),(9,1005,1007,'still available?',1647939326),(10,1039,1027,'still available?',1648812934),(11,1009,1032,'pgp pls',1653237886),(12,1031,1039,'check escrow',1648493189),(13,1037,1017,'still available?',1657511831),(14,1038,1037,'still available?',1659233807),(15,1009,1005,'check escrow',1655290057),(16,1009,1039,'sent payment',1653362528),(17,1025,1008,'sent payment',1667164377),(18,1005,1014,'pgp pls',1658830940),(19,1018,1001,'still available?',1665921155),(20,1038,1039,'sent payment',1651396623),(21,1033,1038,'pgp pls',1654028641),(22,1008,1015,'sent payment',1661066590),(23,1039,1024,'pgp pls',1650657117),(24,1009,1027,'check escrow',1654054661),(25,1003,1025,'still available?',1666893837);
/*!40000 ALTER TABLE `pm` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `settings`
--

DROP TABLE IF EXISTS `settings`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `settings` (
  `id` int NOT NULL,
  `setting` varchar(32),
  `val` varchar(255),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `settings`
--

LOCK TABLES `settings` WRITE;
/*!40000 ALTER TABLE `settings` DISABLE KEYS */;
INSERT INTO `settings` VALUES (1,'escrow_fee','0.05'),(2,'forum_name','DarkBazaar'),(3,'btc_master','bc1qtwt27ad80f7kh5p620g4j7wq7zklvmg7wty8vh');
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

-- Dump completed on 2022-12-24 22:10:00
