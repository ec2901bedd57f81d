-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: bph
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
-- Table structure for table `accounts`
--

DROP TABLE IF EXISTS `accounts`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `accounts` (
  `account_id` varchar(12) NOT NULL,
  `email` varchar(128),
  `contact_jabber` varchar(128),
  `balance_btc` decimal(16,8),
  `signup_ts` bigint,
  `lang` char(2),
  PRIMARY KEY (`account_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `accounts`
--

LOCK TABLES `accounts` WRITE;
/*!40000 ALTER TABLE `accounts` DISABLE KEYS */;
INSERT INTO `accounts` VALUES ('A70000','vik99@protonmail.com','vik99@exploit.im','0.18194081',1642615423074,'en'),('A70007','maks.x@protonmail.com',NULL,'0.01182210',1643339159246,'en'),('A70014','tomking@cock.li','tomking@jabber.ru','0.00931654',1643070945590,'en'),('A70021','modev3@outlook.com',NULL,'0.13640054',1644947651584,'en'),('A70028','rafxx@protonmail.com',NULL,'0.12380192',1653490788099,'ru'),('A70035','anna.@yahoo.com','anna_@jabber.ru','0.15887590',1651536229476,'en'),('A70042','dimaxx@tutanota.com',NULL,'0.05758755',1657608548896,'en'),('A70049','jay.@yandex.ru',NULL,'0.08433967',1666400633350,'en'),('A70056','eli.@tutanota.com',NULL,'0.11597904',1651522819348,'ru'),('A70063','dima.x@protonmail.com','dima_x@xmpp.jp','0.12942577',1656903300713,'ru'),('A70070','mo.ru@gmail.com',NULL,'0.07109282',1663431462355,'en'),('A70077','ivan11@mail.ru','ivan11@thesecure.biz','0.01611626',1650639815132,'ru'),('A70084','zed.12@cock.li',NULL,'0.05568421',1645589678838,'ru'),('A70091','samking@protonmail.com','samking@jabber.ru','0.13170334',1648737935154,'en'),('A70098','ivanxx14@yandex.ru','ivanxx14@xmpp.jp','0.12196249',1650455225004,'ru'),('A70105','kev.ru@gmail.com','kev_ru@jabb.im','0.07847578',1661718173670,'ru'),('A70112','zed.x@mail.ru','zed_x@jabber.ru','0.08812537',1654431825063,'en'),('A70119','vikxx17@yandex.ru',NULL,'0.18978975',1641003027580,'en'),('A70126','dimaz@outlook.com',NULL,'0.12045584',1645979727649,'ru'),('A70133','jay.x@yahoo.com','jay_x@jabber.ru','0.02043752',1656631211491,'ru'),('A70140','dan1337@gmail.com','dan1337@jabb.im','0.07235049',1664216771165,'en'),('A70147','eli.21@protonmail.com',NULL,'0.05222304',1662567917884,'ru'),('A70154','nina.pro@tutanota.com',NULL,'0.12264564',1658866035554,'en'),('A70161','tomdev@yahoo.com','tomdev@exploit.im','0.19792072',1648603314204,'ru'),('A70168','ivan133724@tutanota.com','ivan133724@xmpp.jp','0.19100013',1661300296979,'ru'),('A70175','dimaz25@tutanota.com','dimaz25@jabb.im','0.19704980',1656768466201,'en'),('A70182','ivanking@protonmail.com',NULL,'0.15646058',1662575165086,'en'),('A70189','ivan99@protonmail.com',NULL,'0.19433146',1662330524340,'ru'),('A70196','katdev@yandex.ru','katdev@jabber.ru','0.00550977',1643844617742,'ru'),('A70203','yuri99@tutanota.com','yuri99@jabb.im','0.02619677',1660989287485,'en');
/*!40000 ALTER TABLE `accounts` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `servers`
--

DROP TABLE IF EXISTS `servers`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `servers` (
  `id` int NOT NULL,
  `account_id` varchar(12),
  `ip` varchar(45),
  `location` varchar(8),
  `plan` varchar(8),
  `created` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `servers`
--

LOCK TABLES `servers` WRITE;
/*!40000 ALTER TABLE `servers` DISABLE KEYS */;
INSERT INTO `servers` VALUES (1,'A70175','31.71.222.253','RU-MSK','vps-s',1657089694),(2,'A70056','77.149.123.196','MD-KIV','vps-m',1656175580),(3,'A70091','45.31.181.230','SC-MAH','dedi-1',1653717819),(4,'A70182','185.215.66.137','RU-MSK','dedi-1',1666944343),(5,'A70000','176.93.2.199','RU-MSK','vps-s',1643889305),(6,'A70105','194.61.31.84','SC-MAH','vps-s',1666504677),(7,'A70007','77.97.141.11','NL-AMS','dedi-1',1647218685),(8,'A70119','5.32.226.84','RU-MSK','dedi-1',1643414627),(9,'A70098','185.244.126.179','MD-KIV','dedi-1',1652241060),(10,'A70182','176.70.213.32','SC-MAH','vps-m',1665312195),(11,'A70014','77.219.37.55','MD-KIV','vps-s',1644452937),(12,'A70154','91.73.129.227','RU-MSK','vps-m',1660794471),(13,'A70161','31.203.249.42','RU-MSK','vps-s',1652309581),(14,'A70112','103.173.215.51','MD-KIV','vps-m',1655291604),(15,'A70161','91.9.173.142','SC-MAH','vps-m',1648841396),(16,'A70084','91.151.32.29','RU-MSK','vps-s',1646381235),(17,'A70056','89.20.92.70','RU-MSK','vps-m',1653778588),(18,'A70084','45.253.167.23','MD-KIV','vps-s',1647214079),(19,'A70091','31.137.8.163','NL-AMS','vps-m',1649526818),(20,'A70133','77.34.135.221','NL-AMS','vps-m',1656814468),(21,'A70070','185.213.137.160','RU-MSK','vps-s',1667937945),(22,'A70154','77.56.82.68','NL-AMS','vps-s',1660644989),(23,'A70203','89.156.105.75','SC-MAH','dedi-1',1662568019),(24,'A70056','91.9.128.10','NL-AMS','vps-s',1655850952),(25,'A70119','77.243.125.240','SC-MAH','vps-s',1644714795),(26,'A70147','176.201.157.177','RU-MSK','vps-s',1665529131),(27,'A70042','45.207.177.252','NL-AMS','vps-s',1657814528),(28,'A70014','89.220.83.15','NL-AMS','dedi-1',1646352412),(29,'A70189','185.144.124.178','MD-KIV','vps-s',1666271094),(30,'A70035','45.137.228.1','MD-KIV','vps-m',1654381861),(31,'A70119','91.125.17.248','MD-KIV','vps-s',1644080669),(32,'A70035','5.171.195.22','SC-MAH','vps-m',1655840119),(33,'A70140','77.127.2.24','MD-KIV','vps-s',1665509999),(34,'A70084','194.21.201.6','MD-KIV','vps-m',1647629026),(35,'A70014','194.79.199.196','MD-KIV','dedi-1',1647302917),(36,'A70028','89.74.22.212','SC-MAH','dedi-1',1657817973),(37,'A70028','185.8.117.22','NL-AMS','vps-s',1654693654),(38,'A70140','91.53.192.214','SC-MAH','dedi-1',1664729147),(39,'A70140','5.125.250.68','NL-AMS','vps-m',1664891309),(40,'A70161','185.47.33.191','SC-MAH','vps-m',1649314245);
/*!40000 ALTER TABLE `servers` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `invoices`
--

DROP TABLE IF EXISTS `invoices`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `invoices` (
  `invoice_id` int NOT NULL,
  `account_id` varchar(12),
  `btc_amount` decimal(16,8),
  `pay_to` varchar(64),
  `paid_tx` varchar(64),
  `created_at` datetime,
  `paid_at` datetime,
  `eur` decimal(8,2),
  PRIMARY KEY (`invoice_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `invoices`
--

LOCK TABLES `invoices` WRITE;
/*!40000 ALTER TABLE `invoices` DISABLE KEYS */;
INSERT INTO `invoices` VALUES (900,'A70189','0.02293680','bc1q5muh2lkcvyfh46d0f8zqh8dp5sep8xf9g9p4vp','9158d4a89f03bc5a4dee4812b16107f1be437c7ba6caf4a341023aed54ef125a','2022-11-14 18:57:09','2022-11-14 19:38:35','15.00'),(901,'A70105','0.02920276','bc1qx7k86j44s3yhvamhcs00aeyvxd8l5900hzerss','f7d5f12481b1c025d1e4d0a313932904757f1cba4a227f39047b2c107912ef4a','2022-09-23 23:40:02','2022-09-24 01:47:45','60.00'),(902,'A70084','0.00316377','bc1qh7ry8u6uyxddrgvzgl33edza8dl7tcruhpukkc','736506ecae7c8f097ddfcbc9f3308ce500eb4e1128b88073065b8c3564e27602','2022-03-15 16:13:51','2022-03-15 18:09:33','60.00'),(903,'A70161','0.01190708','bc1q2sq98szk6ej3au8dx2mq8e4affq97yryklq2zs','6d94dd6dece807995c57722e138efef996d4480fdeb67ae7ffb0dd9e63e19869','2022-05-02 11:51:00','2022-05-02 13:11:08','15.00'),(904,'A70056','0.02019737','35BGEXqhZJuf8GJ8zf41q9Wv4KEGHtttkD','0caa761214a0b00bb835e8a534145e878c9a37518ddcf83cf0d1ab56e02f9a72','2022-07-22 22:16:28','2022-07-23 00:13:39','120.00'),(905,'A70133','0.02621489','bc1qa8kccgpt0p49wjzvgx7mm7d8gfn6w02dm5usjq',NULL,'2022-09-01 14:06:30',NULL,'120.00'),(906,'A70119','0.00585264','bc1qxkqw0nml3su886z4llp8xmfr3scnu9evl5uh4x','cf321d634223b8aa5e49422a3d37664251bcd77a1751f5798e4dc3a3578a60d8','2022-01-12 18:11:40','2022-01-12 19:11:51','15.00'),(907,'A70161','0.01300262','bc1qvpz4dsq00are8a6uyzhcppapetwdjdchwe22tq',NULL,'2022-05-06 06:26:30',NULL,'60.00'),(908,'A70196','0.01972796','bc1qflvaphlhq5sqsm94c0ju670hje7sqyny9k5wru','f8e4cb5c77d8c569daff9a0b8721ecf8d359d07aed9bf0b6ed448d4eee241c43','2022-03-13 20:00:22','2022-03-13 22:07:57','30.00'),(909,'A70175','0.00540998','13YkwckzCGKZzvnMBrX9Xwg3qTFuMpuugY','4075916ea060846c20c26f71f662222e4dc4ac8cb70ba858a53fddc9099f9c9f','2022-07-17 14:11:25','2022-07-17 16:40:39','120.00'),(910,'A70154','0.00304021','bc1qj5ckxs3ee2vsqq5ffhlh23l42zjadc3797sttp',NULL,'2022-08-05 12:50:38',NULL,'120.00'),(911,'A70112','0.00184914','bc1q5e8qupf30l32efttz3qn42nva30r5lsgnyfvas','32b558fd6577bb54aebcb0aa5cc0ff066ba99d01b7e49f36568a8c29b2217139','2022-06-29 13:05:00','2022-06-29 13:11:50','60.00'),(912,'A70161','0.00695134','18GnAFXVqU4VCT97FuH5fFXgqrABQkegMC',NULL,'2022-04-05 15:29:38',NULL,'120.00'),(913,'A70203','0.00524511','bc1qxcr0nxpydgxm2re0v3e7tdhz2za3elc5ne7809','86592243ef95eee8a70828a72f7dba0830d0a2b8544940e12a66f913ee7d0ae2','2022-10-17 04:54:09','2022-10-17 07:06:50','15.00'),(914,'A70063','0.02533468','1BKNzhT3QNoLXVKnHQK7oP7NPw2kzZLmpv','7934f0b8b48bb0750c9c20ef167774ef6eb4fff8cdcec408d26f1d764f06e95a','2022-08-09 22:09:49','2022-08-09 23:08:15','60.00'),(915,'A70119','0.01037597','3Cixpw3FFEKbYyZbsohbPs15HYU4QPucr7',NULL,'2022-01-19 20:57:28',NULL,'15.00'),(916,'A70196','0.00889713','1FKNaoKPpYnfgsQq9gVnGViNqDQL6MXE7Q','773afe02f4ef6142b72fac4a79a5fd621b757b203bdea8c3d375eff10635afef','2022-03-10 06:17:46','2022-03-10 08:08:18','60.00'),(917,'A70203','0.00484851','bc1qqtx7a02d62cu2f5m83fac5t4tnyv3xq530cmcy','109257f76862bf793f4f8b9d28f1a81bc0bd1d8464457ea432830689830ae19e','2022-10-07 08:47:25','2022-10-07 09:01:39','120.00'),(918,'A70119','0.02942742','1PyqAMftegP3qHWG5nDQNeSWKDdJrE8pzC','c272f5a7aa17c57cc61c96dbd8d4250d89df5e79bf7b6c6c3c2496ebac9261f1','2022-01-16 17:36:52','2022-01-16 18:14:57','60.00'),(919,'A70063','0.01181616','36HiBBS4jNxP9qwPRHVtbfKQcJX1V8N8cW','097a5942fdaf451376c32dcda74068b219bd2640cef61d03a64ed9963b3bc813','2022-07-30 03:37:24','2022-07-30 04:10:20','15.00'),(920,'A70105','0.02537613','1zWT8XAkwZ4vPGZCbyinaUydrzPXR6SWh',NULL,'2022-09-20 07:54:54',NULL,'60.00'),(921,'A70168','0.00406762','3G8HZcrG1JDEm6UDgRBuKyRuEGoBB7C2sX',NULL,'2022-08-24 16:04:35',NULL,'60.00'),(922,'A70091','0.01900940','bc1qpr9harrmzp5pnjm94xxz0gugz7njjedjztgzz8','f4042f1e6af7ea314ebe9880aaf5a86e48866d48fcfd36d168e7ed23456b312c','2022-04-18 15:10:44','2022-04-18 15:29:45','60.00'),(923,'A70161','0.01300832','bc1qcnlu6hdyxfjt5ee57yqkle3gdsway9m80ea5cc','03cc2f9b21460c5a299c858dc5e6e62f75fdf37c5d5ec1ade201aafd93ea6a94','2022-05-03 18:39:31','2022-05-03 18:58:37','30.00'),(924,'A70140','0.00358190','3AKwG6uKfUoJmxn9UMG7ZJ9PauvqinBuXf',NULL,'2022-11-04 07:51:32',NULL,'30.00'),(925,'A70063','0.02929085','bc1qpkd7mgnrzmnmd84s60jzng7fmvufueua2589g6','0aadacf037d7d19090bfd7922ed6d460791397a3d445a53e3234752bd8aa7be3','2022-07-08 09:16:22','2022-07-08 11:10:31','30.00'),(926,'A70084','0.00816471','3NasR1MXFXbA2QVLsX7DdU5XhA3YVu7HTy','63a366aa6cfd49403fcf6d859526e3d04ee6f4ff6b89d463a626b0974e640cd4','2022-03-09 17:31:39','2022-03-09 19:16:59','120.00'),(927,'A70112','0.00110173','1BsTprFZdh2byXtTzagfieQjnUR5bqgttn','a2ed89620a68253a0a6fb154a8376dcd8299ed6e811c8fa77124c205cd625a7f','2022-06-07 19:51:51','2022-06-07 20:32:25','15.00'),(928,'A70203','0.02189141','bc1qczq72c9870yzypkmzrlemwa36qwrzg0ma7nzpa','2a44bf93cb8389fbea81ad63cf9d5d05f4e64fe649b29bbe7deb30ade2bce763','2022-11-03 22:56:11','2022-11-04 00:01:33','15.00'),(929,'A70182','0.00831440','bc1qn4rw05r5y3qcpaht0g6ewsuasy79zhcfzqsa2g','adff81654737fed1efb82825a2f65e3629465388674983142e9dde7332eddf6f','2022-11-20 05:27:40','2022-11-20 07:02:11','120.00'),(930,'A70035','0.00433728','bc1q5td4ea7lww8gt99su8j35s873xsake9u2gfr6n',NULL,'2022-05-28 17:01:20',NULL,'60.00'),(931,'A70056','0.01774345','bc1qcv28zw3dnkl02rzt6xzyqnar7laaa90dcfj4we','38bd3c6908a6ab0fbf433e0300755f64bba86df75009c0a9e54e19e5a9e82581','2022-06-07 17:02:29','2022-06-07 17:48:16','60.00'),(932,'A70133','0.01586766','1445KPew3XwTHqGkPjDCgxmTcCnkBLgEkY','289b8ba979932a50d416b8a99fb9d8f65dc18bce34456d5b223be9e796ceb525','2022-08-10 13:37:03','2022-08-10 14:18:50','15.00'),(933,'A70203','0.00533008','bc1q5vjal2kgg4nv7slhqg82t550u3ve3fv52gx689',NULL,'2022-10-28 03:26:37',NULL,'120.00'),(934,'A70133','0.01529270','bc1qqq9slzqxvuhnc2qwa8r35quu3k50qv3y78lesf',NULL,'2022-09-10 05:34:02',NULL,'120.00'),(935,'A70042','0.01570150','3Li3ZbSxf2x3FUAEXEcnFd3eY3J7hYLvWc','2ce678fe73d63426a7d0e597bde3a6e4149a3e17771ba4bae989da51bec49ab4','2022-09-12 17:24:13','2022-09-12 18:30:54','15.00'),(936,'A70056','0.00457473','1NaXe63PYQQ3cC1i9j9uAR9NUjmbdP2Awj','03e5f68481e6d6c8e14aa46015de2868378d04eae4e8d8d2f71377dcedb6ce85','2022-05-06 15:47:24','2022-05-06 16:38:45','60.00'),(937,'A70196','0.00688052','bc1qaffnrctr2jvn6c0gm2s7hv0m4ttl4ztclu0r6y','6fed41d706c9cd95db869c8a01a23b4eb2971b7787d69991d6f7515178de3361','2022-04-16 05:52:03','2022-04-16 07:00:54','60.00'),(938,'A70175','0.01797464','35d9LmvMMngf25gcfET5FLxr7V2t4S5BcK','972939b0db43738610d5fe140bf3d0a7bc9df599115d27cfb26f19280aeade9b','2022-09-01 01:16:38','2022-09-01 03:00:52','30.00'),(939,'A70182','0.02684713','bc1qmmq74dh3vgdn7dp5rsyq3u7ea88upgsk2wsl7e',NULL,'2022-10-29 15:29:53',NULL,'60.00');
/*!40000 ALTER TABLE `invoices` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `auth_log`
--

DROP TABLE IF EXISTS `auth_log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `auth_log` (
  `id` int NOT NULL,
  `account_id` varchar(12),
  `remote_addr` varchar(45),
  `at` datetime,
  `result` varchar(16),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `auth_log`
--

LOCK TABLES `auth_log` WRITE;
/*!40000 ALTER TABLE `auth_log` DISABLE KEYS */;
INSERT INTO `auth_log` VALUES (1,'A70105','31.67.50.203','2022-11-10 09:10:01','ok'),(2,'A70063','91.172.216.67','2022-07-06 03:39:36','ok'),(3,'A70056','89.24.188.234','2022-06-02 23:55:20','bad_password'),(4,'A70189','89.15.211.8','2022-10-17 07:28:48','ok'),(5,'A70077','176.24.110.183','2022-07-15 08:13:22','ok'),(6,'A70126','89.87.223.1','2022-04-19 12:33:50','ok'),(7,'A70063','5.2.178.126','2022-07-13 09:53:17','bad_password'),(8,'A70154','45.253.177.246','2022-10-15 14:26:19','ok'),(9,'A70126','45.145.109.241','2022-05-06 14:29:43','ok'),(10,'A70105','45.56.41.126','2022-11-13 08:21:15','ok'),(11,'A70140','91.182.48.103','2022-11-04 01:55:11','ok'),(12,'A70091','5.190.105.78','2022-04-26 04:02:58','bad_password'),(13,'A70196','185.87.194.252','2022-04-29 19:19:27','ok'),(14,'A70098','45.17.178.149','2022-05-22 04:57:29','ok'),(15,'A70189','176.165.86.119','2022-10-17 12:57:08','ok'),(16,'A70126','77.64.171.119','2022-05-01 02:11:33','ok'),(17,'A70112','77.136.154.194','2022-08-12 18:53:30','ok'),(18,'A70161','45.126.167.155','2022-05-19 18:07:46','ok'),(19,'A70035','77.167.96.67','2022-07-12 18:07:58','ok'),(20,'A70035','31.100.196.39','2022-05-17 09:40:20','ok'),(21,'A70161','89.222.140.51','2022-04-09 16:00:13','ok'),(22,'A70056','77.198.237.9','2022-05-04 01:44:20','bad_password'),(23,'A70189','103.113.151.119','2022-09-07 02:00:57','ok'),(24,'A70056','194.207.2.190','2022-05-26 08:54:06','bad_password'),(25,'A70154','194.215.117.171','2022-10-04 23:00:52','ok'),(26,'A70147','45.63.232.111','2022-10-08 01:47:51','ok'),(27,'A70140','31.214.124.201','2022-11-04 14:48:41','ok'),(28,'A70056','103.247.233.6','2022-07-02 04:41:55','bad_password'),(29,'A70112','45.167.5.100','2022-08-25 06:47:48','bad_password'),(30,'A70203','31.19.128.140','2022-09-10 13:36:49','ok'),(31,'A70154','77.178.51.217','2022-09-20 14:56:37','bad_password'),(32,'A70119','77.243.8.164','2022-03-19 00:59:19','ok'),(33,'A70112','91.210.233.54','2022-08-10 23:04:15','ok'),(34,'A70084','185.62.182.164','2022-02-28 16:10:26','ok'),(35,'A70056','103.204.31.4','2022-05-10 03:31:56','bad_password'),(36,'A70203','103.180.135.28','2022-09-11 04:51:59','ok'),(37,'A70161','103.112.200.119','2022-04-19 15:23:26','ok'),(38,'A70028','31.98.240.165','2022-07-19 04:40:37','ok'),(39,'A70182','45.180.211.120','2022-10-06 08:18:07','ok'),(40,'A70168','176.181.117.69','2022-10-31 09:12:36','bad_password'),(41,'A70147','89.218.95.124','2022-09-07 22:42:04','ok'),(42,'A70077','77.154.164.123','2022-06-08 17:00:12','bad_password'),(43,'A70133','31.185.78.238','2022-07-30 09:46:14','bad_password'),(44,'A70007','31.166.71.136','2022-04-18 20:14:03','ok'),(45,'A70140','194.7.5.54','2022-10-03 18:12:27','ok'),(46,'A70056','194.51.73.219','2022-05-25 12:45:45','ok'),(47,'A70168','176.177.78.54','2022-11-19 18:58:49','bad_password'),(48,'A70175','185.85.46.172','2022-09-28 02:26:32','ok'),(49,'A70042','176.109.40.190','2022-10-01 18:28:52','bad_password'),(50,'A70147','31.60.135.108','2022-09-30 10:05:25','ok');
/*!40000 ALTER TABLE `auth_log` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `abuse_reports`
--

DROP TABLE IF EXISTS `abuse_reports`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `abuse_reports` (
  `id` int NOT NULL,
  `server_id` int,
  `reporter` varchar(128),
  `received` datetime,
  `body` text,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `abuse_reports`
--

LOCK TABLES `abuse_reports` WRITE;
/*!40000 ALTER TABLE `abuse_reports` DISABLE KEYS */;
INSERT INTO `abuse_reports` VALUES (1,31,'noc@cert.pl','2022-08-05 09:30:32','Phishing hosted on your network'),(2,4,'noc@cert.pl','2022-07-01 09:37:59','Phishing hosted on your network'),(3,10,'abuse@google.com','2022-07-10 19:55:16','Phishing hosted on your network'),(4,16,'noc@cert.pl','2022-03-05 22:20:09','Phishing hosted on your network'),(5,35,'abuse@google.com','2022-10-13 06:52:00','Phishing hosted on your network'),(6,1,'abuse@spamhaus.org','2022-05-05 12:59:29','Phishing hosted on your network'),(7,30,'abuse@google.com','2022-08-07 11:31:22','Phishing hosted on your network'),(8,32,'abuse@google.com','2022-04-26 06:32:20','Phishing hosted on your network'),(9,30,'noc@cert.pl','2022-06-15 08:52:31','Phishing hosted on your network'),(10,27,'abuse@google.com','2022-01-30 06:44:41','Phishing hosted on your network'),(11,12,'abuse@google.com','2022-05-20 22:56:26','Phishing hosted on your network'),(12,2,'abuse@spamhaus.org','2022-08-25 18:35:09','Phishing hosted on your network'),(13,3,'abuse@google.com','2022-10-14 01:03:44','Phishing hosted on your network'),(14,22,'abuse@spamhaus.org','2022-07-18 07:22:31','Phishing hosted on your network'),(15,31,'noc@cert.pl','2022-10-22 01:21:08','Phishing hosted on your network');
/*!40000 ALTER TABLE `abuse_reports` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2024-10-01 04:00:00
