-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: shop
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
-- Table structure for table `cust`
--

DROP TABLE IF EXISTS `cust`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `cust` (
  `cust_id` int NOT NULL,
  `handle` varchar(32),
  `email` varchar(128),
  `jabber` varchar(128),
  `icq` varchar(16),
  `created` datetime,
  `country` char(2),
  `balance_usd` decimal(10,2),
  PRIMARY KEY (`cust_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `cust`
--

LOCK TABLES `cust` WRITE;
/*!40000 ALTER TABLE `cust` DISABLE KEYS */;
INSERT INTO `cust` VALUES (5000,'maks_x0',NULL,'maks_x0@xmpp.jp',NULL,'2022-03-07 15:58:24','RU','182.04'),(5003,'rafking1',NULL,NULL,NULL,'2022-06-17 06:07:55','NL','284.82'),(5006,'ben0x',NULL,'ben0x@xmpp.jp',NULL,'2022-01-14 22:50:20','DE','267.54'),(5009,'olga99','olga99@yandex.ru','olga99@jabber.ru',NULL,'2022-04-02 16:49:46','UA','299.61'),(5012,'anna_4',NULL,NULL,NULL,'2022-06-23 01:38:36','VN','109.28'),(5015,'raf_pro','raf.pro@cock.li',NULL,NULL,'2022-06-23 02:52:04','NL','74.97'),(5018,'lee0x',NULL,'lee0x@thesecure.biz',NULL,'2022-05-18 10:48:45','BR','276.10'),(5021,'dan0x',NULL,NULL,NULL,'2022-03-28 03:25:42','NL','80.44'),(5024,'ivan1337',NULL,'ivan1337@jabb.im',NULL,'2022-10-02 06:18:54','NL','122.00'),(5027,'danz',NULL,'danz@exploit.im',NULL,'2022-05-23 08:56:35','UA','217.78'),(5030,'sasha_ru10',NULL,'sasha_ru10@jabber.ru',NULL,'2022-08-12 01:56:07','US','226.31'),(5033,'kev133711',NULL,'kev133711@exploit.im','486781649','2022-03-23 17:48:21','RU','74.85'),(5036,'alex_x12','alex.x12@gmail.com','alex_x12@jabber.ru',NULL,'2022-01-27 04:50:03','RU','220.44'),(5039,'olga_ru13','olga.ru13@mail.ru','olga_ru13@exploit.im','760608362','2022-08-17 22:08:56','BR','222.74'),(5042,'jay1337','jay1337@gmail.com',NULL,NULL,'2022-01-12 23:10:40','VN','186.48'),(5045,'kev0x',NULL,'kev0x@exploit.im','946548075','2022-02-06 07:03:04','VN','284.43'),(5048,'olgaxx',NULL,'olgaxx@xmpp.jp',NULL,'2022-07-09 02:26:22','NL','291.21'),(5051,'yuri',NULL,'yuri@jabber.ru','202941713','2022-02-24 14:12:05','DE','190.52'),(5054,'olga_ru','olga.ru@yahoo.com','olga_ru@exploit.im',NULL,'2022-04-06 19:58:30','NL','237.48'),(5057,'luca_ru','luca.ru@gmail.com','luca_ru@thesecure.biz',NULL,'2022-09-23 20:34:02','US','153.62'),(5060,'dimaz20','dimaz20@mail.ru','dimaz20@exploit.im',NULL,'2022-01-08 16:33:57','DE','136.16'),(5063,'benking',NULL,NULL,NULL,'2022-09-23 21:44:30','DE','127.68'),(5066,'alexxx',NULL,'alexxx@exploit.im',NULL,'2022-06-12 08:11:42','DE','109.86'),(5069,'olga_x',NULL,NULL,NULL,'2022-04-23 11:05:18','VN','205.59'),(5072,'jay_x',NULL,NULL,'784290091','2022-09-19 04:49:23','DE','139.00'),(5075,'rafxx25','rafxx25@outlook.com',NULL,'910658018','2022-04-21 10:25:16','DE','57.71'),(5078,'raf_pro','raf.pro@tutanota.com','raf_pro@exploit.im',NULL,'2022-06-29 21:33:51','US','24.15'),(5081,'vikking',NULL,'vikking@thesecure.biz',NULL,'2022-03-24 08:04:31','BR','211.74'),(5084,'mo_pro',NULL,'mo_pro@jabb.im',NULL,'2022-02-24 22:33:47','BR','286.41'),(5087,'ray0x','ray0x@yandex.ru','ray0x@xmpp.jp',NULL,'2022-04-26 06:02:16','BR','203.74'),(5090,'dimaxx','dimaxx@tutanota.com','dimaxx@jabb.im','547501279','2022-08-12 14:23:19','US','239.57'),(5093,'annaking31','annaking31@tutanota.com','annaking31@jabb.im',NULL,'2022-04-26 02:29:07','RU','162.27'),(5096,'elidev32','elidev32@outlook.com','elidev32@jabber.ru',NULL,'2022-07-20 14:08:29','BR','70.33'),(5099,'samxx','samxx@gmail.com',NULL,NULL,'2022-07-01 05:34:44','BR','54.13'),(5102,'olga','olga@cock.li',NULL,NULL,'2022-06-07 06:04:42','NL','99.22');
/*!40000 ALTER TABLE `cust` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `bases`
--

DROP TABLE IF EXISTS `bases`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `bases` (
  `id` int NOT NULL,
  `name` varchar(64),
  `added` datetime,
  `cards` int,
  `valid_rate` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `bases`
--

LOCK TABLES `bases` WRITE;
/*!40000 ALTER TABLE `bases` DISABLE KEYS */;
INSERT INTO `bases` VALUES (1,'USA MIX FRESH','2022-01-01 00:00:00',3167,74),(2,'EU PREMIUM','2022-01-21 00:00:00',17960,72),(3,'CANADA 101','2022-02-10 00:00:00',13696,84),(4,'UK DUMPS','2022-03-02 00:00:00',880,80),(5,'AU CVV','2022-03-22 00:00:00',15722,93),(6,'WORLD MIX','2022-04-11 00:00:00',15779,71);
/*!40000 ALTER TABLE `bases` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `purchases`
--

DROP TABLE IF EXISTS `purchases`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `purchases` (
  `id` int NOT NULL,
  `cust_id` int,
  `bin` char(6),
  `base_id` int,
  `price` decimal(8,2),
  `purchased_at` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `purchases`
--

LOCK TABLES `purchases` WRITE;
/*!40000 ALTER TABLE `purchases` DISABLE KEYS */;
INSERT INTO `purchases` VALUES (1,5018,'414720',4,'12.00','2022-07-29 06:35:09'),(2,5072,'453201',1,'25.00','2022-12-08 09:21:29'),(3,5036,'542418',6,'40.00','2022-03-25 12:51:03'),(4,5036,'601100',5,'12.00','2022-01-29 00:36:14'),(5,5081,'601100',3,'40.00','2022-05-19 07:10:16'),(6,5033,'601100',6,'12.00','2022-06-06 13:06:20'),(7,5012,'542418',1,'25.00','2022-08-14 20:00:38'),(8,5012,'479126',5,'25.00','2022-08-28 14:02:48'),(9,5063,'601100',3,'40.00','2022-11-08 14:21:59'),(10,5003,'414720',5,'15.00','2022-07-05 02:52:53'),(11,5075,'542418',6,'12.00','2022-04-27 16:26:07'),(12,5030,'601100',4,'25.00','2022-10-17 16:22:40'),(13,5054,'453201',1,'15.00','2022-05-31 22:51:41'),(14,5087,'414720',3,'8.00','2022-06-18 11:40:02'),(15,5072,'376015',4,'12.00','2022-12-13 17:13:13'),(16,5057,'601100',6,'12.00','2022-11-10 19:52:17'),(17,5102,'516865',3,'8.00','2022-07-03 07:13:17'),(18,5060,'542418',3,'15.00','2022-03-14 03:07:12'),(19,5075,'376015',1,'40.00','2022-06-22 22:09:02'),(20,5039,'601100',5,'40.00','2022-11-09 06:29:27'),(21,5027,'479126',5,'8.00','2022-06-23 06:49:11'),(22,5006,'453201',4,'40.00','2022-02-07 11:41:36'),(23,5099,'542418',1,'8.00','2022-07-13 02:28:43'),(24,5072,'479126',3,'12.00','2022-10-21 02:43:44'),(25,5066,'414720',3,'25.00','2022-07-18 13:20:52'),(26,5030,'601100',4,'15.00','2022-09-26 20:17:11'),(27,5024,'516865',4,'12.00','2022-10-29 18:31:51'),(28,5060,'453201',1,'12.00','2022-02-24 05:09:32'),(29,5036,'479126',6,'15.00','2022-02-15 04:41:40'),(30,5066,'453201',2,'12.00','2022-07-09 10:09:40'),(31,5072,'601100',6,'15.00','2022-10-17 11:00:17'),(32,5096,'376015',6,'15.00','2022-10-01 16:25:52'),(33,5075,'479126',6,'15.00','2022-06-13 01:55:47'),(34,5012,'542418',3,'25.00','2022-08-10 01:26:41'),(35,5033,'542418',3,'25.00','2022-05-10 00:26:36'),(36,5015,'453201',3,'25.00','2022-07-06 10:55:44'),(37,5003,'414720',3,'12.00','2022-07-23 03:04:11'),(38,5012,'516865',6,'25.00','2022-06-24 21:11:02'),(39,5102,'542418',2,'40.00','2022-07-16 02:38:13'),(40,5102,'542418',4,'12.00','2022-07-13 04:31:23'),(41,5060,'453201',4,'8.00','2022-01-23 11:54:56'),(42,5039,'542418',3,'12.00','2022-09-28 17:44:46'),(43,5069,'542418',1,'15.00','2022-05-12 16:01:51'),(44,5045,'516865',2,'40.00','2022-02-11 20:13:30'),(45,5063,'542418',6,'40.00','2022-09-30 21:29:09'),(46,5027,'453201',1,'25.00','2022-07-06 10:36:37'),(47,5051,'453201',3,'40.00','2022-04-22 14:13:20'),(48,5021,'542418',6,'40.00','2022-05-06 10:51:05'),(49,5042,'414720',4,'25.00','2022-03-02 12:35:24'),(50,5060,'376015',5,'40.00','2022-01-18 11:33:24');
/*!40000 ALTER TABLE `purchases` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `bills`
--

DROP TABLE IF EXISTS `bills`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `bills` (
  `id` int NOT NULL,
  `cust_id` int,
  `usd` decimal(10,2),
  `rate` decimal(12,2),
  `btc_sats` bigint,
  `addr` varchar(64),
  `txid` char(64),
  `status` enum('new','comp','exp'),
  `created` datetime,
  `paid` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `bills`
--

LOCK TABLES `bills` WRITE;
/*!40000 ALTER TABLE `bills` DISABLE KEYS */;
INSERT INTO `bills` VALUES (1,5096,'500.00','37964.20',1317030,'1BbFPYkBS9gQvYi1PE9QCdmAiVnVU7VCQn',NULL,'new','2022-08-28 14:13:36',NULL),(2,5012,'200.00','31504.59',634828,'bc1qtyuzcp39dk4lk96klrg6vacvm0n8j0gs4wcm3w','8acaa381808d7c6db21cd602237d7cf207c687378f0b53a223b61c667b4139d9','comp','2022-07-17 16:03:04','2022-07-17 16:21:18'),(3,5009,'100.00','35830.80',279089,'18uLC7EvZmrSQ1ScwLFjU3v5AUqCSCePTb','e778a83f64d280bbdbcd9583a5c984269f68793e5634a8b2610ec605a05a31b3','comp','2022-06-21 13:20:29','2022-06-21 15:08:27'),(4,5099,'500.00','40057.06',1248219,'bc1q6yn2paf493srxnzhdcjx6gt92rxyencexchp30','7d29ee23c3ee458a870283a948d2523445ba266d79081a401996cb538ffd8f3e','comp','2022-08-19 21:13:42','2022-08-19 22:01:54'),(5,5042,'200.00','38655.60',517389,'bc1qn2xuqvekx9jfgz49ywsqd0jrkwu8nzsvg5a4ku',NULL,'exp','2022-03-17 21:57:49',NULL),(6,5042,'100.00','36765.76',271992,'bc1qrv369vvtaghu8aqhl2h7dhnk5990vdfggny84k','84b521cfe7077d0dd98c791a46ffe1b1d1ebc497b370814d5306ea3bd2f9526a','comp','2022-03-20 21:44:34','2022-03-20 23:12:14'),(7,5012,'200.00','42164.82',474329,'bc1qms069vamghc7jppkdd259zd6vjtcd0lvkzqq5p','c946cec72bba569fb17bfddb20f5e95ec5adae136e02164d337f0816e44db9e3','comp','2022-08-06 07:42:29','2022-08-06 08:53:36'),(8,5087,'150.00','32891.47',456045,'3FE5QtEqPDGLzyTDkYL2XrTghm6HVueDvN',NULL,'exp','2022-05-21 00:14:58',NULL),(9,5024,'150.00','41644.82',360188,'13HGS2ecN8BDc78TPmW5QjrT1GK322CgEi',NULL,'exp','2022-12-22 13:20:47',NULL),(10,5090,'50.00','31087.27',160837,'bc1q9xdu2c9czz3fvuh2g7j32ln6ehy750px7ejmpg',NULL,'exp','2022-08-25 10:37:52',NULL),(11,5057,'100.00','29652.44',337240,'3ArYWW1omfGEpUE1YADwFrGiSc23JKDJjP','37119ede48ea698c6142f819f6076043798a1705651f95c3644d9ee874ae5dae','comp','2022-11-20 07:26:57','2022-11-20 08:09:48'),(12,5042,'50.00','35586.85',140501,'1GgTHdUaHJp4knJoUxGSj7YcUEdSxnByaY','0784ec870656ee544797dc72389c6a9fb3daa8fabc0a9d1775cf6475b46f38ff','comp','2022-03-12 13:03:11','2022-03-12 14:18:31'),(13,5006,'100.00','37680.24',265391,'bc1qpjwjtf2t78p34fyw3gt2m2ezd76jxzz0f06h3a','5aece4ea8e695dc0f1c475d70c0a97b37924e06f44afcdc8a918384a82efb52c','comp','2022-02-15 05:24:22','2022-02-15 07:18:38'),(14,5063,'50.00','36907.52',135473,'3AEy61Qd2zdbmtwF796H2LWm2ghYbyLQYS','0cfa6a78b720408d88d565a2ffca8b85f997649cac268b4759747fe0021a95ef','comp','2022-11-22 01:59:58','2022-11-22 03:40:23'),(15,5012,'500.00','35119.18',1423723,'bc1qeghzn8gtqjtu9aac6dd2ctjtqhnauzhha2f28y',NULL,'new','2022-08-03 17:23:07',NULL),(16,5045,'500.00','40185.31',1244235,'bc1qtswwmx8fzylrhrpsrgqmzec5srdy099xtju7sm','67345a98ebc4e101871a08f0ff0ce6478476dd62868bf6900d6bf83838a3e68b','comp','2022-03-17 10:44:28','2022-03-17 11:52:46'),(17,5024,'100.00','33684.03',296876,'bc1ql86eyt5y69c0ymue70fveh49wg5hax8an35cqn',NULL,'new','2022-12-12 16:28:39',NULL),(18,5024,'150.00','28621.37',524083,'bc1qy63knydpgrahz7rkxpkx73xx8pdvpg0n5qch6x','4d6013aa6d30d5990724d586d5f348cc9f1d4d086508b236d23e1f18080a8004','comp','2022-12-09 18:29:49','2022-12-09 18:43:06'),(19,5090,'500.00','30710.38',1628113,'bc1qw3wctky7wm52j0uwmzyzsa2f70huzhrth7chpc','a72f9590f85e6e8abf3c9ed13ee57eafe5d94001af3e849281605e4f1c17b2a0','comp','2022-09-05 15:14:16','2022-09-05 16:54:23'),(20,5072,'50.00','33787.78',147982,'bc1qzlmtma74vdeemuwyk6et6h8fej89j239yln9y5',NULL,'new','2022-11-18 20:22:35',NULL),(21,5042,'100.00','33353.03',299822,'1Ko9PzPN8VU7zxAyTFU2ZvuzoDuvFVuiWg',NULL,'new','2022-03-22 18:38:09',NULL),(22,5075,'500.00','26724.93',1870912,'bc1q78t9c5562xakwtdl6hk98jq5s6vh5e57utpnee',NULL,'new','2022-05-01 07:34:05',NULL),(23,5045,'200.00','41931.36',476969,'bc1qf4lz8d44p5p9gem65mjem7qpupa686ynp7usrd',NULL,'exp','2022-02-08 03:01:11',NULL),(24,5039,'100.00','39336.02',254219,'bc1qcl2xfyveh9780s68zkqrdyja84wdshlmkhg7td','b8ca8253a619909ecfb5bbab8a03c75e3dfe7198e50c976b2e639053cd234c98','comp','2022-09-03 01:48:55','2022-09-03 03:24:11'),(25,5042,'100.00','36547.42',273617,'1EhDGKFp9jQy3hpTzsfHhsvDnAYfeUai7i','eaec982c2233746cbbf8694aca7f003201b2b9659d7de6437c075906d80d7a39','comp','2022-02-20 15:25:50','2022-02-20 16:04:30'),(26,5039,'50.00','37181.02',134477,'3JwLGFa8yH7Y9zTaWWhTesDiyVsWsLmHyn',NULL,'new','2022-11-01 13:55:08',NULL),(27,5087,'100.00','28572.11',349991,'12V1T559pvdKGc1S7pT7JucBVLg2AuAGpm',NULL,'new','2022-07-23 16:21:29',NULL),(28,5039,'50.00','33505.99',149227,'3CXpcYrRNYYZE9CkkViS4PtZznh59nBmA6','38ebbccbec0aa1f2d064944c27c71e6330becf89d98d5a3d1bacbe2ea5218666','comp','2022-09-05 01:20:35','2022-09-05 01:34:31'),(29,5060,'50.00','30909.23',161763,'bc1qel4a47047wme6gjey86kewa7xf8cmss9s82ks0','dc70e0e312d89530b8296a21264d3c06a388c60957289f7b0478d0d6c0975c4e','comp','2022-03-24 23:30:22','2022-03-25 00:54:40'),(30,5009,'100.00','43493.54',229919,'3CxsquDy4iPFzz9hWTDFdGUXQjtJDJALyN',NULL,'new','2022-05-13 05:57:19',NULL),(31,5027,'150.00','39969.60',375285,'bc1qacaf9ww8hcavu40azlszl2n0x456d2qfn94whn',NULL,'exp','2022-06-04 22:42:15',NULL),(32,5063,'200.00','42659.06',468833,'1DJZzSk6QYP9BGsrvZs9TCqwzU5mmFkA6V',NULL,'exp','2022-10-27 10:16:32',NULL),(33,5021,'50.00','35259.88',141804,'36JuLUye2pijmVnsVm5Cp8mSPS6PA9v6mu',NULL,'exp','2022-06-06 03:21:02',NULL),(34,5060,'100.00','26859.42',372308,'bc1qrklu7sj63574vmp6pv3j4afpa6adfuptrngztc','6d1e5805c38dca494ceb1d22a5185dff1ab59e90fe3ab67b26a86f4f64510387','comp','2022-02-15 22:52:48','2022-02-16 00:06:05'),(35,5000,'50.00','33598.24',148817,'bc1qduqrrj7mv8g4pkp893zd53x0gxgnhauy3spwjk','7bcaf9767f9a303b6a94b3399020139d4f19272b4f35de4fd0306503f2560d0a','comp','2022-05-27 16:15:41','2022-05-27 17:18:25'),(36,5054,'200.00','29117.54',686871,'3CQS1wUmRxeKB9Jv2dnvyfG7Ktw8vnEcFs',NULL,'new','2022-05-05 11:25:58',NULL),(37,5096,'500.00','34464.97',1450748,'19eKpeswFLYuBXfGzSdFpQqCDJEYTMbTHZ','bca723b017a9079b83f211dac0f368af2433411f74aab072d06924de4ed52ce6','comp','2022-08-04 22:24:14','2022-08-04 23:25:14'),(38,5033,'100.00','42169.36',237138,'bc1qprjkfz7rf5al72d6vm9r3ewaauee977nqv6p5a',NULL,'exp','2022-03-27 22:00:58',NULL),(39,5042,'500.00','42127.68',1186868,'35Lev4BNRNkHokZpV5qr5V25Rg3BKphJ9y',NULL,'exp','2022-02-09 00:24:48',NULL),(40,5006,'200.00','32037.08',624276,'bc1qg8umuu2r4jqwzsqvhpfqy6488yhx9v9w9kaane',NULL,'new','2022-01-19 14:53:53',NULL);
/*!40000 ALTER TABLE `bills` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `visits`
--

DROP TABLE IF EXISTS `visits`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `visits` (
  `id` int NOT NULL,
  `cust_id` int,
  `ip` varchar(45),
  `ua` varchar(255),
  `ts` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `visits`
--

LOCK TABLES `visits` WRITE;
/*!40000 ALTER TABLE `visits` DISABLE KEYS */;
INSERT INTO `visits` VALUES (1,5090,'45.216.151.19','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-08-23 04:34:37'),(2,5078,'31.78.10.8','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-08-10 10:44:06'),(3,5102,'176.220.168.27','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-06-22 04:54:02'),(4,5039,'5.15.79.8','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-10-06 11:50:43'),(5,5021,'5.10.179.231','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-04-17 18:54:53'),(6,5072,'45.210.4.61','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-10-20 20:38:39'),(7,5081,'185.16.141.27','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-05-10 11:08:26'),(8,5009,'77.121.90.160','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-05-05 19:58:42'),(9,5021,'194.102.123.73','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-04-13 08:27:54'),(10,5039,'45.127.54.93','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-09-23 04:48:59'),(11,5039,'77.198.145.1','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-10-01 07:58:22'),(12,5057,'91.149.159.170','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-11-23 03:32:24'),(13,5015,'176.71.181.74','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-09-13 18:06:54'),(14,5018,'185.95.119.237','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-05-30 23:24:57'),(15,5087,'31.73.245.8','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-07-08 04:43:51'),(16,5036,'176.191.69.111','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-02-16 11:04:17'),(17,5063,'91.157.223.36','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-11-13 04:01:34'),(18,5090,'91.0.23.2','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-09-21 19:13:35'),(19,5054,'5.226.114.53','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-04-21 18:33:44'),(20,5006,'5.57.198.29','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-04-07 07:03:53'),(21,5096,'5.13.88.32','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-09-02 13:50:13'),(22,5015,'89.137.58.198','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-08-20 18:07:03'),(23,5036,'194.44.90.175','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-01-28 09:27:23'),(24,5018,'176.239.9.165','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-07-01 13:07:47'),(25,5063,'31.123.142.201','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-10-26 12:56:31'),(26,5036,'31.216.141.219','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-02-18 21:05:13'),(27,5051,'194.74.165.97','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-04-09 04:49:34'),(28,5036,'176.226.57.125','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-03-30 04:03:28'),(29,5009,'176.21.219.118','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-06-20 20:15:13'),(30,5009,'185.206.137.31','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-05-28 15:43:26'),(31,5057,'103.122.84.226','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-10-16 20:11:44'),(32,5003,'89.65.199.226','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-06-23 11:08:00'),(33,5024,'5.30.105.10','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-11-06 16:24:27'),(34,5030,'176.178.43.181','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-09-12 20:07:32'),(35,5018,'103.147.125.2','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-07-09 04:16:20'),(36,5009,'77.110.246.226','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-06-29 10:11:11'),(37,5003,'5.158.208.217','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-09-07 16:13:18'),(38,5018,'176.236.87.143','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-07-15 14:23:01'),(39,5027,'185.63.95.8','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-06-02 23:30:02'),(40,5051,'103.165.66.18','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-03-23 21:36:56'),(41,5063,'91.27.108.224','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-10-31 00:17:42'),(42,5069,'5.6.248.102','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-05-02 19:01:03'),(43,5078,'31.164.83.136','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-07-20 06:04:35'),(44,5048,'89.175.254.185','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-10-07 11:23:01'),(45,5039,'91.1.0.192','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-11-05 04:23:46'),(46,5081,'103.234.143.107','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36','2022-05-12 17:06:56'),(47,5003,'5.83.178.56','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0','2022-07-05 03:48:24'),(48,5066,'89.173.25.29','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-08-09 10:34:02'),(49,5033,'45.131.134.126','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1','2022-05-19 20:01:03'),(50,5060,'185.238.221.208','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36','2022-01-24 22:51:02');
/*!40000 ALTER TABLE `visits` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `tickets`
--

DROP TABLE IF EXISTS `tickets`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `tickets` (
  `id` int NOT NULL,
  `cust_id` int,
  `subject` varchar(128),
  `state` varchar(8),
  `created` datetime,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `tickets`
--

LOCK TABLES `tickets` WRITE;
/*!40000 ALTER TABLE `tickets` DISABLE KEYS */;
INSERT INTO `tickets` VALUES (1,5075,'invalid card','open','2022-05-12 02:41:28'),(2,5060,'bill not credited','closed','2022-01-24 08:55:19'),(3,5078,'bill not credited','closed','2022-08-20 19:40:46'),(4,5090,'invalid card','closed','2022-10-21 12:47:41'),(5,5078,'refund pls','open','2022-07-01 15:11:54'),(6,5033,'base dead?','open','2022-05-19 10:13:29'),(7,5006,'bill not credited','closed','2022-04-02 01:14:13'),(8,5045,'bill not credited','closed','2022-04-20 05:01:03'),(9,5075,'base dead?','open','2022-06-11 20:29:07'),(10,5033,'base dead?','open','2022-05-01 09:02:46'),(11,5003,'refund pls','open','2022-08-19 13:25:23'),(12,5051,'refund pls','closed','2022-05-11 02:57:16');
/*!40000 ALTER TABLE `tickets` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2024-02-02  1:05:10
