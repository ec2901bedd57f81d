-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: kits
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
-- Table structure for table `members`
--

DROP TABLE IF EXISTS `members`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `members` (
  `member_id` int NOT NULL,
  `username` varchar(32),
  `email` varchar(128),
  `telegram` varchar(64),
  `signup` datetime,
  `country` char(2),
  PRIMARY KEY (`member_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `members`
--

LOCK TABLES `members` WRITE;
/*!40000 ALTER TABLE `members` DISABLE KEYS */;
INSERT INTO `members` VALUES (200,'tom13370','tom13370@protonmail.com','@tom13370_tg','2022-06-03 19:31:49','GB'),(201,'zed_','zed.@tutanota.com','@ZED_01','2022-10-25 03:49:56','NG'),(202,'eli99','eli99@outlook.com','@eli99_tg','2022-04-12 15:24:11','NG'),(203,'sasha99','sasha99@tutanota.com',NULL,'2022-09-01 11:50:10','GB'),(204,'luca_pro','luca.pro@yahoo.com','@luca_pro_tg','2022-07-16 11:49:51','NG'),(205,'dima_','dima.@outlook.com',NULL,'2022-01-03 19:12:52','IE'),(206,'sashadev','sashadev@mail.ru','@sashadev_tg','2022-04-22 22:15:07','NG'),(207,'lee7','lee7@outlook.com',NULL,'2022-06-29 16:23:40','IE'),(208,'benking','benking@mail.ru','@BENKING01','2022-05-14 03:31:51','GB'),(209,'rayz','rayz@cock.li','https://t.me/rayzx','2022-06-21 07:50:03','RO'),(210,'raf_pro','raf.pro@protonmail.com',NULL,'2022-03-19 04:07:54','GB'),(211,'petez11','petez11@mail.ru',NULL,'2022-08-15 02:30:05','GB'),(212,'vik9912','vik9912@protonmail.com','@VIK991201','2022-01-10 23:19:06','NG'),(213,'danking','danking@yandex.ru','https://t.me/dankingx','2022-01-08 01:31:12','RO'),(214,'rayxx','rayxx@yahoo.com','@rayxx_tg','2022-01-31 04:44:28','NG'),(215,'kev1337','kev1337@tutanota.com','@kev1337_tg','2022-03-03 17:05:55','GB'),(216,'kat99','kat99@protonmail.com',NULL,'2022-05-21 20:50:06','US'),(217,'sashadev','sashadev@yandex.ru','@sashadev_tg','2022-02-14 02:59:55','IE'),(218,'anna99','anna99@tutanota.com','@anna99_tg','2022-08-01 03:13:58','GB'),(219,'jay_19','jay.19@mail.ru',NULL,'2022-06-08 23:09:01','US'),(220,'sashaz','sashaz@yahoo.com','https://t.me/sashazx','2022-07-11 01:12:02','GB'),(221,'yuridev','yuridev@outlook.com','@yuridev_tg','2022-07-13 15:05:59','NG'),(222,'tom_22','tom.22@yandex.ru','https://t.me/tom_22x','2022-03-31 21:25:32','NG'),(223,'maks_pro','maks.pro@gmail.com','@MAKS_PRO01','2022-08-10 06:04:22','US'),(224,'zed_x','zed.x@yandex.ru',NULL,'2022-08-11 06:16:03','NG'),(225,'moking','moking@mail.ru','https://t.me/mokingx','2022-09-07 12:28:38','RO'),(226,'anna1337','anna1337@protonmail.com',NULL,'2022-06-02 07:23:59','NG'),(227,'yuriking27','yuriking27@yandex.ru',NULL,'2022-06-03 07:48:02','NG'),(228,'anna','anna@yahoo.com',NULL,'2022-09-25 03:15:07','RO'),(229,'zeddev29','zeddev29@gmail.com','@zeddev29_tg','2022-01-02 06:30:24','IE'),(230,'lee_x','lee.x@mail.ru',NULL,'2022-10-26 22:46:14','IE'),(231,'maksz31','maksz31@yahoo.com','@MAKSZ3101','2022-08-25 05:33:40','IE'),(232,'kat32','kat32@outlook.com','https://t.me/kat32x','2022-09-28 01:50:57','IE'),(233,'eli9933','eli9933@gmail.com',NULL,'2022-01-31 22:45:49','NG'),(234,'sam_x34','sam.x34@outlook.com','@sam_x34_tg','2022-07-31 00:39:22','US');
/*!40000 ALTER TABLE `members` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `kits`
--

DROP TABLE IF EXISTS `kits`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `kits` (
  `id` int NOT NULL,
  `name` varchar(64),
  `brand` varchar(32),
  `price_gbp` decimal(8,2),
  `updated` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `kits`
--

LOCK TABLES `kits` WRITE;
/*!40000 ALTER TABLE `kits` DISABLE KEYS */;
INSERT INTO `kits` VALUES (1,'HSBC panel v3','HSBC','300.00','2022-01-01 00:00:00'),(2,'Barclays panel v5','Barclays','150.00','2022-01-31 00:00:00'),(3,'Lloyds panel v2','Lloyds','150.00','2022-03-02 00:00:00'),(4,'NatWest panel v4','NatWest','300.00','2022-04-01 00:00:00'),(5,'Royal Mail panel v5','Royal Mail','300.00','2022-05-01 00:00:00'),(6,'HMRC panel v2','HMRC','200.00','2022-05-31 00:00:00'),(7,'Santander panel v4','Santander','300.00','2022-06-30 00:00:00');
/*!40000 ALTER TABLE `kits` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `subscriptions`
--

DROP TABLE IF EXISTS `subscriptions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `subscriptions` (
  `id` int NOT NULL,
  `member_id` int,
  `kit_id` int,
  `price_gbp` decimal(8,2),
  `status` varchar(12),
  `created` datetime,
  `expires` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `subscriptions`
--

LOCK TABLES `subscriptions` WRITE;
/*!40000 ALTER TABLE `subscriptions` DISABLE KEYS */;
INSERT INTO `subscriptions` VALUES (1000,227,7,'200.00','expired','2022-06-14 20:09:44','2022-07-14 20:09:44'),(1001,210,6,'200.00','expired','2022-04-05 08:03:32','2022-05-05 08:03:32'),(1002,231,3,'150.00','pending','2022-09-27 03:31:16','2022-10-27 03:31:16'),(1003,210,6,'250.00','active','2022-03-19 18:05:32','2022-04-18 18:05:32'),(1004,234,4,'300.00','pending','2022-08-10 19:55:44','2022-09-09 19:55:44'),(1005,204,2,'300.00','expired','2022-09-05 02:11:01','2022-10-05 02:11:01'),(1006,222,7,'200.00','pending','2022-04-23 04:31:16','2022-05-23 04:31:16'),(1007,200,5,'250.00','pending','2022-06-08 23:50:29','2022-07-08 23:50:29'),(1008,229,3,'300.00','pending','2022-02-26 11:49:57','2022-03-28 11:49:57'),(1009,228,2,'250.00','pending','2022-11-02 05:13:35','2022-12-02 05:13:35'),(1010,223,2,'300.00','active','2022-09-12 07:25:57','2022-10-12 07:25:57'),(1011,209,3,'250.00','active','2022-07-08 14:49:56','2022-08-07 14:49:56'),(1012,222,1,'300.00','pending','2022-04-10 00:13:11','2022-05-10 00:13:11'),(1013,211,6,'250.00','expired','2022-09-16 03:38:10','2022-10-16 03:38:10'),(1014,211,1,'150.00','pending','2022-09-13 07:54:13','2022-10-13 07:54:13'),(1015,205,7,'150.00','active','2022-02-07 16:47:24','2022-03-09 16:47:24'),(1016,211,4,'150.00','active','2022-10-10 20:42:48','2022-11-09 20:42:48'),(1017,211,6,'200.00','pending','2022-09-30 15:57:24','2022-10-30 15:57:24'),(1018,219,5,'200.00','expired','2022-07-18 10:27:30','2022-08-17 10:27:30'),(1019,214,3,'200.00','pending','2022-03-02 07:20:23','2022-04-01 07:20:23'),(1020,220,6,'300.00','expired','2022-09-01 06:01:45','2022-10-01 06:01:45'),(1021,232,7,'250.00','expired','2022-11-06 00:27:16','2022-12-06 00:27:16'),(1022,228,5,'150.00','expired','2022-11-04 03:15:59','2022-12-04 03:15:59'),(1023,211,4,'250.00','expired','2022-10-06 14:15:12','2022-11-05 14:15:12'),(1024,224,2,'150.00','expired','2022-08-14 00:20:00','2022-09-13 00:20:00'),(1025,222,7,'250.00','active','2022-05-29 13:23:23','2022-06-28 13:23:23'),(1026,216,2,'300.00','pending','2022-07-07 20:21:51','2022-08-06 20:21:51'),(1027,204,2,'150.00','expired','2022-07-30 23:23:23','2022-08-29 23:23:23'),(1028,208,2,'300.00','pending','2022-05-18 17:46:46','2022-06-17 17:46:46'),(1029,234,1,'200.00','active','2022-08-25 12:56:34','2022-09-24 12:56:34'),(1030,206,1,'250.00','active','2022-05-12 22:04:28','2022-06-11 22:04:28'),(1031,207,1,'250.00','pending','2022-07-26 00:00:15','2022-08-25 00:00:15'),(1032,211,6,'300.00','active','2022-08-29 15:09:20','2022-09-28 15:09:20'),(1033,205,3,'150.00','pending','2022-02-27 05:00:39','2022-03-29 05:00:39'),(1034,209,4,'200.00','active','2022-08-09 03:51:31','2022-09-08 03:51:31'),(1035,219,5,'150.00','expired','2022-07-26 00:23:55','2022-08-25 00:23:55'),(1036,210,7,'250.00','pending','2022-04-04 01:54:55','2022-05-04 01:54:55'),(1037,225,6,'250.00','expired','2022-10-29 17:36:00','2022-11-28 17:36:00'),(1038,221,4,'150.00','expired','2022-07-30 04:50:34','2022-08-29 04:50:34'),(1039,201,6,'150.00','expired','2022-11-21 06:01:04','2022-12-21 06:01:04');
/*!40000 ALTER TABLE `subscriptions` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `btc_transactions`
--

DROP TABLE IF EXISTS `btc_transactions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `btc_transactions` (
  `id` int NOT NULL,
  `order_id` int,
  `address` varchar(64),
  `btc` varchar(20),
  `txid` varchar(64),
  `confirmations` int,
  `received` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `btc_transactions`
--

LOCK TABLES `btc_transactions` WRITE;
/*!40000 ALTER TABLE `btc_transactions` DISABLE KEYS */;
INSERT INTO `btc_transactions` VALUES (1,1000,'14ZehUZ5eCVhCmNjGH6DPoTUc2d1kE48gE','0.00645161','b2860229efe751e9aefe694debd5b306de9b7ed9b4da712abb508a6eff16a363',6,'2022-06-14 21:00:38'),(2,1001,'1LU3Mb3b23TddBoy6RoTtJCGiwhxuVuzMb','0.00645161','974dff0ea9759216cd621a60dba384c09437b0eb417386f03645bdd6a1c756f2',4,'2022-04-05 09:13:43'),(3,1002,'bc1q6527g08y2r3p428ekgye555x0870gkhd3t60g2','0.00483871',NULL,1,'2022-09-27 04:00:27'),(4,1003,'3DKGXNr5FZQ4H6sDL6yLrAa9JpF7QTB8yT','0.00806452','124d54d1003b13d5d6c16f48826188ead32bd235d3a1a0e7e3855179fa801374',3,'2022-03-19 18:47:58'),(5,1004,'bc1qh0ussqn6kgjnvhpluw7m7kxsldxdkcapfvy0zy','0.00967742',NULL,9,'2022-08-10 20:55:42'),(6,1005,'bc1qd9l0jyxpstwgyny0kpyvjdd5k3h4ytpkludmdv','0.00967742','54d37a3d46a4565ff8c42f8dee8c9bb36fed5666e312dffb7a862cef04981190',6,'2022-09-05 03:11:56'),(8,1007,'bc1qsgtqwe6rndy6e64yyxwvy5qkal7vs257hp9ql3','0.00806452',NULL,1,'2022-06-09 00:24:22'),(9,1008,'bc1qxl36gl7rrkj4wqn5j87ng2sh86zdwxqaqps60p','0.00967742',NULL,5,'2022-02-26 12:35:26'),(10,1009,'35EkRLTRCnNLKPKYNxvtftzHxyLgVvS9Ca','0.00806452',NULL,9,'2022-11-02 06:02:52'),(11,1010,'3JvGa2WSGPuApFWB7wK5a6taToV1c7n1Sb','0.00967742','ab072bbfebceed68b44e4fcc430bd2e0e74fd2abac5727920eb77931edc61faa',10,'2022-09-12 08:38:22'),(12,1011,'bc1qx0xzxer6nx9hazjjt3htue7kp8pwkzfwldh70x','0.00806452','dd81001492e5ba125d1a868d3cff75734bf2feac3820bb545bb1214d27257159',3,'2022-07-08 15:41:54'),(14,1013,'bc1qrncnjv87tyhlhzpkq5rpuvzt6wctk5hs74zmjq','0.00806452','b81de588cce52fce4e6546f9f35ec9020a9642f0f0f078ce7f5115848a8289a0',6,'2022-09-16 04:05:31'),(16,1015,'bc1qwev4kqtjkg38ypa7erkthdmtxcw4gjucxk3ty3','0.00483871','ace8342ef947904d294daf987b4d1d371411c1c6e50831d90de94e508eec4547',8,'2022-02-07 17:00:44'),(17,1016,'bc1qn57ej4veqku6jptpduaue9frnu9zyt56ppq99u','0.00483871','5f37ab98a2681bce8a7bdba8507ad977bd6d5e446f65c2023bc77d39491a6e9a',2,'2022-10-10 21:34:58'),(18,1017,'1GQNi1LBauvBF2iYy53AEs8r3maMAgAYnX','0.00645161',NULL,1,'2022-09-30 16:12:29'),(19,1018,'1Esknf82cwnogB9xoe9yj6wAPiHF2P7TMU','0.00645161','9ffaffe0435db2a02d0fb1fc8b37acd2263290349ac4175dd62fb21bc8f33337',0,'2022-07-18 11:12:48'),(21,1020,'15tdqs12tAvZXffRruK2qv5MEepSJuoMTT','0.00967742','ad58738d6ef1faf73340b80f1271ac035c3d9760d8443c64ead5c8c8da827343',1,'2022-09-01 07:04:42'),(22,1021,'32SopXUyQnmqp1VvduDV31SpMHtUK1sWs6','0.00806452','17ace9e91097f1ee6c8f4ece8669fe6e848609ab8511555a4a9ba03ef4b3c762',8,'2022-11-06 01:18:29'),(23,1022,'3GPNRSbx2iW7y3tT2UcC8MxvbWT4eBkvYp','0.00483871','947e1b441e41bcb595d976979655d3a42209258946eefe75aa3dfe5756e0d7e6',10,'2022-11-04 03:30:35'),(24,1023,'31o8aBGmBZT5Az28GMBE1gFPrAZu9vEr1c','0.00806452','a6c4d214ff8f6cbd7b82574dfb0a7e022babf25e73d3621f9ff5f89efc4db1c8',9,'2022-10-06 15:34:30'),(25,1024,'bc1q36glwv2z7kt2ly4en86tyul32555622s2ptx6k','0.00483871','7be6e0c5888c8a5035865d6db4af3df850ebe236d9a79c5c4cd6fdc0f52d7a37',9,'2022-08-14 01:04:52'),(26,1025,'bc1qmj5j55qcm5auee25502nzttsrruluncg922w38','0.00806452','a7b7a0d4e0508e3500ab7152f1696478ddfa62e30be59c49017060a08566e734',10,'2022-05-29 14:44:16'),(28,1027,'19kRryVYD9FqeaDHdBjJzhKbxhf7pZd7WS','0.00483871','bcbdf3e9af0ebab46f261ff329f7a203fe54c6be647780c401348d2a68090962',0,'2022-07-31 00:44:31'),(30,1029,'bc1qsfv7pt3pqpv96xxzvzfrvl26a7fxardm0lzwcy','0.00645161','35f1edb0866493b5633864cf72e9ae3f16203ce3285d23046475b994175eb103',0,'2022-08-25 13:14:08'),(31,1030,'bc1qyqs8gu9ut8pwdcng29n2knlrepj7t6d6ftqezu','0.00806452','825ff0d7fae0f2306025ba8ce190fd1a573a7ecdebbac29bcc5311ea1a5871f7',1,'2022-05-12 23:16:02'),(33,1032,'3N8dTZ4d7Q8qLr7neKCSdVeC6ekrUSgR9Q','0.00967742','84993132e086149b3b3d3f0c7a8c7af6c67ec6fb2f3e652b9d39bbb93cf14552',5,'2022-08-29 16:11:56'),(35,1034,'bc1q4g0hah03q0ttymkrtduwr0dlguezg42uwwa622','0.00645161','a92553b4ea707266906d2f68f2c68c0fb788d0718a8fec3043ddc012271ec9db',7,'2022-08-09 04:15:03'),(36,1035,'1NeBS3snGpYHbqzguKeV8XoZfBnquUSz5v','0.00483871','d88cd5612d106f4789373c19a5a089a3e20179692fdb3c28b1ba34959f1edd09',0,'2022-07-26 01:31:39'),(37,1036,'1887Hq6xYo1uHno5eySBonUtAqZxo28esB','0.00806452',NULL,1,'2022-04-04 02:04:47'),(38,1037,'bc1qhz72x03e08xgjyytn55jcvspmgcc8jesqkf5yz','0.00806452','43e7f1885958f82b53b3bd8a7b8a9ba280491a1c0398cd94f485267238438742',9,'2022-10-29 18:36:24'),(39,1038,'3JG4Xu5ispp7nfkLRjUmrG5dQZgSuejVHJ','0.00483871','0cf7da033f818015b64173f634f58eb111a024876278b44bc796dccce0954a69',7,'2022-07-30 05:48:27'),(40,1039,'bc1q78vu9gahmu2asfdeulf89d9mdkpazc82rarku6','0.00483871','74ab23a0a16852a22b7a7e7408dbbd2624f137692bbbc8181b866fd8b2a964a5',8,'2022-11-21 07:17:58');
/*!40000 ALTER TABLE `btc_transactions` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `access_log`
--

DROP TABLE IF EXISTS `access_log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `access_log` (
  `id` int NOT NULL,
  `member_id` int,
  `ip` varchar(45),
  `ts` datetime,
  `agent` varchar(255),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `access_log`
--

LOCK TABLES `access_log` WRITE;
/*!40000 ALTER TABLE `access_log` DISABLE KEYS */;
INSERT INTO `access_log` VALUES (1,230,'176.187.221.64','2023-01-17 23:47:40','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(2,217,'194.3.136.102','2022-04-22 01:47:44','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(3,218,'31.80.96.240','2022-08-16 20:39:49','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(4,234,'45.94.96.144','2022-10-24 21:58:57','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(5,234,'31.156.15.21','2022-09-18 02:23:58','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(6,206,'185.3.142.68','2022-07-12 05:42:32','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(7,212,'31.130.204.70','2022-03-03 05:40:13','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(8,200,'31.204.185.154','2022-08-21 07:52:58','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(9,231,'194.175.97.218','2022-10-11 20:48:40','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(10,210,'45.170.16.239','2022-04-08 15:37:20','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(11,234,'176.165.65.157','2022-08-16 16:44:45','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(12,232,'103.230.186.84','2022-12-25 18:44:32','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(13,229,'176.139.133.40','2022-01-13 03:28:51','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(14,228,'194.250.234.22','2022-10-21 05:28:07','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(15,234,'31.154.4.41','2022-09-06 05:12:46','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(16,224,'176.91.16.82','2022-09-01 14:34:47','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(17,225,'185.85.97.121','2022-11-15 22:23:19','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(18,219,'103.139.170.112','2022-06-29 01:34:25','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(19,203,'185.97.17.136','2022-10-19 09:19:49','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(20,216,'5.64.191.14','2022-07-29 08:29:50','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(21,226,'91.127.178.113','2022-07-07 22:11:11','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(22,201,'103.65.70.121','2022-12-03 16:17:28','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(23,210,'176.185.188.203','2022-05-12 21:31:35','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(24,211,'45.155.78.17','2022-10-01 23:37:43','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(25,217,'194.102.1.111','2022-03-25 14:51:23','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(26,231,'45.14.55.35','2022-11-22 18:01:00','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(27,217,'185.231.37.163','2022-03-17 15:54:06','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(28,234,'176.87.11.224','2022-09-02 03:38:13','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(29,216,'89.198.175.16','2022-07-16 06:58:44','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(30,227,'89.51.121.147','2022-06-13 08:32:05','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(31,231,'194.141.209.230','2022-11-03 23:44:33','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(32,224,'103.239.229.148','2022-11-04 19:07:33','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(33,230,'185.89.146.217','2022-11-29 22:10:00','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(34,204,'176.98.151.171','2022-09-23 03:21:08','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(35,216,'185.239.171.16','2022-06-22 12:51:17','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(36,223,'185.177.72.57','2022-09-01 21:10:08','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(37,204,'89.215.229.74','2022-09-17 18:35:36','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(38,232,'45.205.113.221','2022-11-05 00:00:32','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(39,220,'45.130.225.242','2022-07-31 20:37:58','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(40,230,'31.253.80.17','2022-11-20 19:14:05','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(41,209,'91.203.168.94','2022-09-02 01:18:47','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(42,205,'194.31.239.95','2022-01-19 12:50:53','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(43,223,'31.183.55.143','2022-11-07 15:16:02','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(44,228,'185.248.95.33','2022-12-06 15:23:20','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(45,226,'45.153.237.162','2022-08-18 16:20:45','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0');
/*!40000 ALTER TABLE `access_log` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `news`
--

DROP TABLE IF EXISTS `news`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `news` (
  `id` int NOT NULL,
  `headline` varchar(128),
  `posted` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `news`
--

LOCK TABLES `news` WRITE;
/*!40000 ALTER TABLE `news` DISABLE KEYS */;
INSERT INTO `news` VALUES (1,'HSBC kit updated for new 2FA','2022-05-01 10:00:00'),(2,'Telegram support: @kitsupport','2022-06-01 10:00:00'),(3,'Price rise from July','2022-06-20 10:00:00');
/*!40000 ALTER TABLE `news` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2023-03-03 03:03:03
