-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: stresshub
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
-- Table structure for table `settings`
--

DROP TABLE IF EXISTS `settings`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `settings` (
  `k` varchar(64) NOT NULL,
  `v` text,
  PRIMARY KEY (`k`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `settings`
--

LOCK TABLES `settings` WRITE;
/*!40000 ALTER TABLE `settings` DISABLE KEYS */;
INSERT INTO `settings` VALUES ('site_name','StressHub'),('btc_confirmations','2'),('min_deposit','0.00100000'),('admin_contact','admin@stresshub.su'),('maintenance','0'),('gateway','blockonomics'),('tos_version','3'),('max_concurrent','4');
/*!40000 ALTER TABLE `settings` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `news`
--

DROP TABLE IF EXISTS `news`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `news` (
  `id` int NOT NULL AUTO_INCREMENT,
  `title` varchar(128),
  `body` text,
  `created` int unsigned,
  `user` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `news`
--

LOCK TABLES `news` WRITE;
/*!40000 ALTER TABLE `news` DISABLE KEYS */;
INSERT INTO `news` VALUES (1,'New NTP method','Added NTP amplification, 80Gbps per server.',1640995750,1),(2,'Maintenance','Servers 3-5 down for upgrade tonight.',1641775131,1),(3,'BTC only','We now accept Bitcoin only. Deposits confirm after 2 blocks.',1642553871,1),(4,'Discount','20% off all plans this week',1643331286,1),(5,'OVH bypass','New method for OVH game servers.',1644108728,1),(6,'Uptime','All nodes back online.',1644883458,1);
/*!40000 ALTER TABLE `news` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `clients`
--

DROP TABLE IF EXISTS `clients`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `clients` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nick` varchar(32) NOT NULL,
  `email` varchar(128) DEFAULT NULL,
  `password` varchar(60),
  `reg` int unsigned NOT NULL,
  `last_ip` varchar(45),
  `balance` decimal(16,8),
  `plan_id` int,
  `tg` varchar(64) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `clients`
--

LOCK TABLES `clients` WRITE;
/*!40000 ALTER TABLE `clients` DISABLE KEYS */;
INSERT INTO `clients` VALUES (100,'lee_x','lee.x@cock.li','$2y$10$57927946b1ea02da54480f84bafb91273c486340',1656077617,'77.48.249.8','0.00893317',4,NULL),(101,'eli','eli@mail.ru','$2y$10$3ca62a2ad87376be2697209a1770e1afdbbba220',1649931770,'194.52.162.8','0.00022322',1,NULL),(102,'zedking2','zedking2@mail.ru','$2y$10$e45b26f68976023f73d78ff83661839178671966',1655159081,'176.253.119.89','0.00230867',2,NULL),(103,'mo','mo@outlook.com','$2y$10$6adbae8c894eee14931a69b021d6fca6a64932db',1644350652,'31.170.216.130','0.00830036',2,NULL),(104,'raf0x','raf0x@gmail.com','$2y$10$aca55500877712cccaec9bd3b06eabfd4100a5f2',1657949711,'176.124.206.107','0.00664744',3,NULL),(105,'peteking','peteking@protonmail.com','$2y$10$7c9b1e638c2a07f760974cb4cec3274fdfcdc05e',1643896570,'45.201.189.126','0.00732766',4,'@petekingtg'),(106,'petexx','petexx@yandex.ru','$2y$10$34e85c8170e8ee94e1a297ba76c3ae158c2e93f4',1654202213,'185.116.6.198','0.00199516',2,NULL),(107,'samxx','samxx@gmail.com','$2y$10$c5cfa75279e19c49468e7f2c4e610607715c4063',1650030719,'103.66.105.110','0.00949719',4,NULL),(108,'raf_8','raf.8@tutanota.com','$2y$10$605352a5caff6e5b4bdc1d611a1c7142f82afd29',1657930808,'103.177.0.138','0.00540110',3,NULL),(109,'alexz',NULL,'$2y$10$cc98ee003dd728c39bcb29e9ccfec52baf6bac19',1647061304,'185.130.16.216','0.00943570',1,'@alexztg'),(110,'alex0x10','alex0x10@protonmail.com','$2y$10$b1f8d6d447ef3db047118a75b5435550781dfff5',1650430594,'194.94.176.75','0.00069515',2,'@alex0x10tg'),(111,'ninaking11','ninaking11@tutanota.com','$2y$10$642c7eb33789fff91eb98f5be5445788c9266248',1650876737,'176.242.58.7','0.00312005',3,NULL),(112,'sasha133712',NULL,'$2y$10$deba8990c88e9c2566dc281f8c7416e80218551b',1658111851,'194.221.10.58','0.00017865',2,'@sasha133712tg'),(113,'nina0x','nina0x@mail.ru','$2y$10$d8fa92b9f55fc2457f60b009cd34faf605990a72',1655311702,'185.230.114.135','0.00648506',4,NULL),(114,'vikking','vikking@yandex.ru','$2y$10$e3eff91a31aa8a28295590116a6d43c19face354',1642967701,'77.24.156.19','0.00858514',3,NULL),(115,'mo_ru15','mo.ru15@gmail.com','$2y$10$98ee454881b24c0464301071c0d1105213ae8b0f',1649462932,'194.111.235.44','0.00827913',1,NULL),(116,'sam_x16','sam.x16@yahoo.com','$2y$10$1183dd50e6557973b96eded15c8e2316b3bfc81f',1655522595,'31.199.151.130','0.00499800',3,NULL),(117,'zed133717',NULL,'$2y$10$65f739b946732cd6c89dd49627d6451ddc46fd93',1647734708,'194.69.173.110','0.00213030',1,NULL),(118,'ben_pro','ben.pro@mail.ru','$2y$10$c3e97ae5b9099feae761c3e36e66a41d7cc9e895',1657252279,'31.20.43.35','0.00169694',2,'@ben_protg'),(119,'vikxx','vikxx@tutanota.com','$2y$10$ad51801bb7ebccffd2beda7d226af88aa62ee479',1649561352,'31.149.120.223','0.00943995',4,'@vikxxtg'),(120,'ben_x','ben.x@yandex.ru','$2y$10$0671c00e8c92e0464c2192b7b05163078cd28640',1654638396,'45.174.58.158','0.00587408',4,'@ben_xtg'),(121,'benz','benz@outlook.com','$2y$10$5e0a3f5f7607f60d22b0e056690db29108ececb7',1649944960,'194.58.234.230','0.00277183',1,NULL),(122,'alexxx','alexxx@gmail.com','$2y$10$a3dec548c7422e4a9c0b2d81e77dc1bfd3bc260f',1644071575,'77.122.215.42','0.00115558',2,NULL),(123,'nina_ru',NULL,'$2y$10$f372fed3cfd4a069fd50b715da0c79523385ff07',1655594828,'103.150.129.183','0.00477010',1,'@nina_rutg'),(124,'vik24','vik24@tutanota.com','$2y$10$73cbe266686a0951915f91f4393a0b9733ad578f',1650912207,'176.200.160.103','0.00062965',3,NULL),(125,'kat_x25','kat.x25@outlook.com','$2y$10$8e502c0f21bfcb638eb3295b69760410fbc56ced',1656729547,'45.106.157.51','0.00246381',1,NULL),(126,'dima0x26',NULL,'$2y$10$07e09137f25379d1103f2f744d6a136e7be863c3',1652366252,'103.157.21.84','0.00186813',3,'@dima0x26tg'),(127,'jay_','jay.@gmail.com','$2y$10$4032fc6522939f923397a962807e09feb4921159',1644083681,'77.205.37.69','0.00551205',1,NULL),(128,'alexking28','alexking28@yandex.ru','$2y$10$ec6f963ddb89b2868db1f75d1142ff34aa8d22e1',1653047662,'31.167.39.131','0.00949228',2,'@alexking28tg'),(129,'kev99','kev99@outlook.com','$2y$10$3d5feb784f2f28ba1f50e31454eef75a3d08d613',1651725370,'45.105.72.140','0.00910482',1,NULL),(130,'lucaking','lucaking@cock.li','$2y$10$dff5336df775047b16243afff425bfd17119932f',1647888426,'185.80.24.183','0.00862099',2,'@lucakingtg'),(131,'dimaking','dimaking@yahoo.com','$2y$10$2cb61f64a372634d278571826881c3a3dcb5bd43',1655429357,'185.232.5.102','0.00836291',2,'@dimakingtg'),(132,'alexking','alexking@tutanota.com','$2y$10$f7d04e89c1ff90b2781bb6f9b6c035d2e404a42d',1641629747,'194.70.64.36','0.00259113',3,NULL),(133,'zed99','zed99@yandex.ru','$2y$10$073bf42fef5ea14547e7efdbeadb1196ad369f3f',1648831154,'185.162.224.239','0.00686513',2,'@zed99tg'),(134,'ivanking','ivanking@tutanota.com','$2y$10$4adaf625de3efd2ef3e59bea2e1f5fc695d0577d',1648547030,'185.140.112.13','0.00921604',3,'@ivankingtg'),(135,'eliz','eliz@tutanota.com','$2y$10$9bea97ca54594f32677f9bd326119cdb56ababc9',1651046973,'45.237.43.220','0.00123244',4,'@eliztg'),(136,'leedev36','leedev36@cock.li','$2y$10$9a3eacb998e6bc783c865a3a6e44378a9b8ad911',1642744500,'91.196.84.140','0.00729896',1,NULL),(137,'dima1337','dima1337@protonmail.com','$2y$10$e013ef7f1f3901e29942ab72db369f0b7df1faec',1649971891,'45.41.227.218','0.00924308',4,NULL),(138,'raydev38','raydev38@yahoo.com','$2y$10$f812065e978eab3e4e4683f92f5dfb26cbb31371',1651916069,'77.61.220.154','0.00534055',1,NULL),(139,'leez',NULL,'$2y$10$cf85d47a47951fa636410e69260f4dc831fb8f34',1641129718,'185.224.10.8','0.00627527',2,NULL);
/*!40000 ALTER TABLE `clients` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `plans`
--

DROP TABLE IF EXISTS `plans`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `plans` (
  `id` int NOT NULL,
  `name` varchar(32),
  `price_usd` decimal(8,2),
  `days` int,
  `boot_time` int,
  `concurrents` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `plans`
--

LOCK TABLES `plans` WRITE;
/*!40000 ALTER TABLE `plans` DISABLE KEYS */;
INSERT INTO `plans` VALUES (1,'Starter','9.99',7,300,1),(2,'Basic','19.99',30,600,1),(3,'Pro','49.99',30,1800,2),(4,'Business','149.99',30,3600,4);
/*!40000 ALTER TABLE `plans` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `deposits`
--

DROP TABLE IF EXISTS `deposits`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `deposits` (
  `id` int NOT NULL AUTO_INCREMENT,
  `client` int NOT NULL,
  `btc_address` varchar(64),
  `amount` varchar(20),
  `usd` decimal(10,2),
  `callback` text,
  `status` enum('pending','confirmed'),
  `dt` int unsigned,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `deposits`
--

LOCK TABLES `deposits` WRITE;
/*!40000 ALTER TABLE `deposits` DISABLE KEYS */;
INSERT INTO `deposits` VALUES (1,107,'1KFwpF7uFjftSUFywWqb48KyinhLg49Qk4','0.00305723','125.35','{"status": 2, "addr": "1KFwpF7uFjftSUFywWqb48KyinhLg49Qk4", "value": 305723, "tx": {"hash": "208ad9ffdb9e49be5e25e8a0429ea21fd065c0e72c0d0a30feb89fff04a65e39", "confirmations": 6}, "secret": "k3376518736"}','confirmed',1650641214),(2,118,'1JkBw9TmpxKHBn53VtA1P87AqrLKAe6viH','0.00571289','234.23','{"status": 2, "addr": "1JkBw9TmpxKHBn53VtA1P87AqrLKAe6viH", "value": 571289, "tx": {"hash": "55fdc4016efa083b460f923db0fa62166bb685a0bd512b39498afb138387a1e7", "confirmations": 8}, "secret": "k3925473883"}','confirmed',1658987754),(3,131,'1DSmdaEGJRvJB2KX5QK11GYgRYeHCZmAsQ','0.00152815','62.65',NULL,'pending',1657493939),(4,109,'bc1q7g5mq9mx52cydxjdxkrn208z24zpzyajk3xuhm','0.00160660','65.87','{"status": 2, "addr": "bc1q7g5mq9mx52cydxjdxkrn208z24zpzyajk3xuhm", "value": 160660, "tx": {"hash": "b937a988a65023ba662d60881954f128f3c151a4c652fc977ad3530527dccbb0", "confirmations": 3}, "secret": "k3583559769"}','confirmed',1647174526),(5,100,'bc1qfqjc5v69f72uzsx44eev4hx0mtujhz6msllr5q','0.00080822','33.14',NULL,'pending',1658647677),(6,106,'3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2','0.00448677','183.96','{"status": 2, "addr": "3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2", "value": 448677, "tx": {"hash": "2dd5ad98475c61b1af3ef55c43ecf2b9fec08e901e5fa037bdba19ebabf100b0", "confirmations": 5}, "secret": "k3457966418"}','confirmed',1657054029),(7,103,'bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq','0.00478261','196.09','{"status": 2, "addr": "bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq", "value": 478261, "tx": {"hash": "820062ecae94e3864b53d2837281c9e4ab3007941fb0975f63c47f8addcc33fe", "confirmations": 5}, "secret": "k3887281972"}','confirmed',1647192985),(8,125,'bc1qedsuu8wm44x3smxh86qgudz5a3tg9jry3pswag','0.00096210','39.45','{"status": 2, "addr": "bc1qedsuu8wm44x3smxh86qgudz5a3tg9jry3pswag", "value": 96210, "tx": {"hash": "41f2b2f3854f639d2ac899d73381d8efb3cfb710e7c7999c9d173f5b62e8c79c", "confirmations": 5}, "secret": "k3191921139"}','confirmed',1658743018),(9,134,'bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw','0.00194498','79.74','{"status": 2, "addr": "bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw", "value": 194498, "tx": {"hash": "564b7be99fa16a0cc2793ab2c9e901e136f1a8ece9bd00a88b77bab0cf696e8f", "confirmations": 8}, "secret": "k2087244060"}','confirmed',1650616226),(10,106,'3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2','0.00034880','14.30','{"status": 2, "addr": "3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2", "value": 34880, "tx": {"hash": "a01d9d308a6090cf0e72c596447d1660b573f61af7fbc221e299d75eed02121d", "confirmations": 5}, "secret": "k1287906920"}','confirmed',1657264645),(11,106,'3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2','0.00160279','65.71','{"status": 2, "addr": "3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2", "value": 160279, "tx": {"hash": "8f93d205686032b831ffdffe419def822154e35425f96729696170623f10c021", "confirmations": 7}, "secret": "k2570514068"}','confirmed',1655357420),(12,103,'bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq','0.00333685','136.81','{"status": 2, "addr": "bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq", "value": 333685, "tx": {"hash": "445ddd254e48b720b2073b397aeae92e47a066e3452959cf69eeec3bf2242639", "confirmations": 5}, "secret": "k920842318"}','confirmed',1646908502),(13,131,'1DSmdaEGJRvJB2KX5QK11GYgRYeHCZmAsQ','0.00239580','98.23','{"status": 2, "addr": "1DSmdaEGJRvJB2KX5QK11GYgRYeHCZmAsQ", "value": 239580, "tx": {"hash": "b1b536f9949eba96e141cd02bd3caa1f2e635d0dc2485eaa9b1143322d18be2f", "confirmations": 5}, "secret": "k2296790534"}','confirmed',1657406582),(14,109,'bc1q7g5mq9mx52cydxjdxkrn208z24zpzyajk3xuhm','0.00063152','25.89','{"status": 2, "addr": "bc1q7g5mq9mx52cydxjdxkrn208z24zpzyajk3xuhm", "value": 63152, "tx": {"hash": "50bbd9b036930452e439e76dfd26770acfdc3a81c2eba580a522eeb32293c61e", "confirmations": 6}, "secret": "k2120557122"}','confirmed',1648432274),(15,130,'bc1qj0d0usxg86ee906ktn7lrn9yten5ua5eln7cs6','0.00218124','89.43',NULL,'pending',1648428570),(16,103,'bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq','0.00350951','143.89','{"status": 2, "addr": "bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq", "value": 350951, "tx": {"hash": "6c1987874ed01edfe2608a62a8ef8120914c95d180c5b52f330c29c09031d495", "confirmations": 4}, "secret": "k18196253"}','confirmed',1647226371),(17,101,'bc1qmv0ugdvju93rgjx0r0nuups7jxls8z6tzmj905','0.00498383','204.34','{"status": 2, "addr": "bc1qmv0ugdvju93rgjx0r0nuups7jxls8z6tzmj905", "value": 498383, "tx": {"hash": "dc791848fc286e97a02ac240ae41bc7847b963b439798287be38915f15a61486", "confirmations": 4}, "secret": "k1155665165"}','confirmed',1653383960),(18,138,'14m88dpLixMDUC7tLq8BHe6gdhXjcQsHDK','0.00439696','180.28','{"status": 2, "addr": "14m88dpLixMDUC7tLq8BHe6gdhXjcQsHDK", "value": 439696, "tx": {"hash": "24adef7dc51d7956e60b483d4035d97c1d07d20c23b26ad158d683c054700723", "confirmations": 7}, "secret": "k2465346468"}','confirmed',1653510470),(19,102,'1Jkcszt1iqBNg5gkpTyLnZxiHXAcZaNte5','0.00227791','93.39','{"status": 2, "addr": "1Jkcszt1iqBNg5gkpTyLnZxiHXAcZaNte5", "value": 227791, "tx": {"hash": "5c9c18980cbd7f938795a22044f34f873fbb550a512838d74ccbe4bf1a6bf371", "confirmations": 2}, "secret": "k336372136"}','confirmed',1655547802),(20,108,'bc1q64p8c2mhsg95tqseh6tkcy26zx58zpf2lppffl','0.00557684','228.65',NULL,'pending',1659494928),(21,132,'bc1q3whyfdsmx3pprgvjs6jpfksje0vn0fxk7h0gx7','0.00536269','219.87','{"status": 2, "addr": "bc1q3whyfdsmx3pprgvjs6jpfksje0vn0fxk7h0gx7", "value": 536269, "tx": {"hash": "ed5f40d09b2d537d203afa3ad7e42f6ab962ba01a42538dbca7e0f4bcdb64aa5", "confirmations": 8}, "secret": "k1164278964"}','confirmed',1642103998),(22,125,'bc1qedsuu8wm44x3smxh86qgudz5a3tg9jry3pswag','0.00081912','33.58','{"status": 2, "addr": "bc1qedsuu8wm44x3smxh86qgudz5a3tg9jry3pswag", "value": 81912, "tx": {"hash": "4d14935464ce2877ef13e6958927b27d6b314e0b907f236079bffa4687198e7a", "confirmations": 3}, "secret": "k2717552120"}','confirmed',1659151767),(23,119,'1N4UjLysVtXFve6Fgh9LdtauWzWVinoz2P','0.00343000','140.63','{"status": 2, "addr": "1N4UjLysVtXFve6Fgh9LdtauWzWVinoz2P", "value": 343000, "tx": {"hash": "8bc3d38a46453b166f42bff6e5b0fcb2370bc2ff3d96bfb12cd66a721c205729", "confirmations": 2}, "secret": "k1075511927"}','confirmed',1649791188),(24,134,'bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw','0.00184433','75.62','{"status": 2, "addr": "bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw", "value": 184433, "tx": {"hash": "a78826d611aee2975f9c3b5bbeb2cca91a8f973eb578afa0673dd93b20465604", "confirmations": 6}, "secret": "k1559684951"}','confirmed',1650774224),(25,134,'bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw','0.00346628','142.12','{"status": 2, "addr": "bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw", "value": 346628, "tx": {"hash": "21d89737aeb292fb720b6f484ee179589e79c6e507c9309194b0cd98af413d9d", "confirmations": 3}, "secret": "k319317476"}','confirmed',1651924783),(26,137,'bc1q3tcdrm05s35f4gv5fee56gvpwxtz8rx94vnkal','0.00110898','45.47','{"status": 2, "addr": "bc1q3tcdrm05s35f4gv5fee56gvpwxtz8rx94vnkal", "value": 110898, "tx": {"hash": "28e68ad34ad70091e37aca275d769cea55e103e8c4731c46d9259496cd0dfb4b", "confirmations": 3}, "secret": "k3646897568"}','confirmed',1650882586),(27,124,'3NF4ZPjdcHjFHmDuAaAKLJG7ZpJ6tHS1pL','0.00504884','207.00','{"status": 2, "addr": "3NF4ZPjdcHjFHmDuAaAKLJG7ZpJ6tHS1pL", "value": 504884, "tx": {"hash": "a38d1eadcca4b02bafdc47c4aab89a164b9848d9450eb7aa252820d699db7b23", "confirmations": 6}, "secret": "k4093582157"}','confirmed',1652617184),(28,100,'bc1qfqjc5v69f72uzsx44eev4hx0mtujhz6msllr5q','0.00336249','137.86',NULL,'pending',1656121894),(29,129,'bc1qlfrh5a8fthkmm7rp6r37c98vjnxsugsvruecp5','0.00047309','19.40','{"status": 2, "addr": "bc1qlfrh5a8fthkmm7rp6r37c98vjnxsugsvruecp5", "value": 47309, "tx": {"hash": "7644d38c9b14573567f86286688eed8f5ec1c3d1eefb98a946ac0cee6c1a7ddc", "confirmations": 2}, "secret": "k426003478"}','confirmed',1653540715),(30,130,'bc1qj0d0usxg86ee906ktn7lrn9yten5ua5eln7cs6','0.00474110','194.39','{"status": 2, "addr": "bc1qj0d0usxg86ee906ktn7lrn9yten5ua5eln7cs6", "value": 474110, "tx": {"hash": "87cb2d1123bb2e3a965f47121c72ba61d4ee8f760ac4cf15cfeb88270026ae8b", "confirmations": 6}, "secret": "k3277931566"}','confirmed',1650601894),(31,122,'3JJmFuxqwWd63Krv4yZEtbK4LyHRDMQ9bJ','0.00344087','141.08',NULL,'pending',1647359005),(32,115,'bc1qppltfp7sh8mw88r3275av3s7njcjcxpccu2vwy','0.00558695','229.06','{"status": 2, "addr": "bc1qppltfp7sh8mw88r3275av3s7njcjcxpccu2vwy", "value": 558695, "tx": {"hash": "0a635aa2c6dfeea61dcc99fc289de3aedf3b2f485b935771f3b435198ff69970", "confirmations": 7}, "secret": "k1347325024"}','confirmed',1652074517),(33,127,'17pCoYC8713LrUKt7aZTFP1yw2dbheENhq','0.00531465','217.90','{"status": 2, "addr": "17pCoYC8713LrUKt7aZTFP1yw2dbheENhq", "value": 531465, "tx": {"hash": "6f53d0b39df096d00e4034d0ea63aa58c5a66d6be5fb1997feec111ea032b015", "confirmations": 5}, "secret": "k1616210201"}','confirmed',1645539584),(34,122,'3JJmFuxqwWd63Krv4yZEtbK4LyHRDMQ9bJ','0.00197541','80.99','{"status": 2, "addr": "3JJmFuxqwWd63Krv4yZEtbK4LyHRDMQ9bJ", "value": 197541, "tx": {"hash": "0e580ffe24f5a90184dce8649c11bed6a28ad8cc3cf17ebdb3016992cc564cc8", "confirmations": 4}, "secret": "k2890664403"}','confirmed',1647498295),(35,107,'1KFwpF7uFjftSUFywWqb48KyinhLg49Qk4','0.00538088','220.62','{"status": 2, "addr": "1KFwpF7uFjftSUFywWqb48KyinhLg49Qk4", "value": 538088, "tx": {"hash": "f9a6a3ac1f197477b5de8693c1e9e3be574ac3fae4f882777cc8d334a03b4b0b", "confirmations": 6}, "secret": "k93049107"}','confirmed',1650756575),(36,130,'bc1qj0d0usxg86ee906ktn7lrn9yten5ua5eln7cs6','0.00541464','222.00','{"status": 2, "addr": "bc1qj0d0usxg86ee906ktn7lrn9yten5ua5eln7cs6", "value": 541464, "tx": {"hash": "55ea8c2b3f941ef51985b59f3a5163f4b7728bf865b1d2302cb9e2bbf3fdfbe3", "confirmations": 4}, "secret": "k2820142118"}','confirmed',1649499445),(37,115,'bc1qppltfp7sh8mw88r3275av3s7njcjcxpccu2vwy','0.00477179','195.64','{"status": 2, "addr": "bc1qppltfp7sh8mw88r3275av3s7njcjcxpccu2vwy", "value": 477179, "tx": {"hash": "319ac940efd01861b926e626a9c6057cc5ed8155a6c404447e1cae655e9ad1e6", "confirmations": 5}, "secret": "k1892381452"}','confirmed',1651401387),(38,125,'bc1qedsuu8wm44x3smxh86qgudz5a3tg9jry3pswag','0.00338954','138.97','{"status": 2, "addr": "bc1qedsuu8wm44x3smxh86qgudz5a3tg9jry3pswag", "value": 338954, "tx": {"hash": "1be59f386a24578260497284030ea6ed265e9ded200e1425d6f9abcd443681bc", "confirmations": 8}, "secret": "k112630452"}','confirmed',1659129892),(39,104,'bc1qnxuwr0w5h2pr9l8vw6vatprga7ltdl8uy6fnus','0.00566569','232.29','{"status": 2, "addr": "bc1qnxuwr0w5h2pr9l8vw6vatprga7ltdl8uy6fnus", "value": 566569, "tx": {"hash": "277f761727cf91fbeaff520b49db5c12d0a01524cc4145bf8085b157aacf05f8", "confirmations": 6}, "secret": "k3547749997"}','confirmed',1659877645),(40,106,'3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2','0.00569666','233.56','{"status": 2, "addr": "3NeyTC5bpkujCzWtFvyNxpTfVQ7NywQYw2", "value": 569666, "tx": {"hash": "89a8ca7e3a763bf0e9a3788dcafdfd7ebc6f6237b466120da240998ecf95442d", "confirmations": 7}, "secret": "k1678440556"}','confirmed',1654284611),(41,100,'bc1qfqjc5v69f72uzsx44eev4hx0mtujhz6msllr5q','0.00340150','139.46',NULL,'pending',1657127588),(42,134,'bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw','0.00563195','230.91','{"status": 2, "addr": "bc1q43wch603xrx8hwgj6rtll72pdqes90ugp0kkyw", "value": 563195, "tx": {"hash": "0a5b4c90cb5dd8103c5467166d6bbc9c37845506835bb8050585d23f95d9ad91", "confirmations": 6}, "secret": "k3112239921"}','confirmed',1649225696),(43,112,'1FXrDJYfuDUJnpq8z69EfMKZ4Dud6cPCib','0.00429174','175.96','{"status": 2, "addr": "1FXrDJYfuDUJnpq8z69EfMKZ4Dud6cPCib", "value": 429174, "tx": {"hash": "1e7ce8577706c34ac78bce5b65ee04653f77675b13c4be398968b582ff8aa933", "confirmations": 6}, "secret": "k2765478648"}','confirmed',1661012098),(44,103,'bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq','0.00250583','102.74','{"status": 2, "addr": "bc1qwdv5aznx2mytht5j0cw2t6nqvy6guq87rkernq", "value": 250583, "tx": {"hash": "031d76d8c700c80c3d3bc16b84baed6ffa6460360b83c7057a9abb94d0a40d77", "confirmations": 2}, "secret": "k4102801794"}','confirmed',1646702905),(45,119,'1N4UjLysVtXFve6Fgh9LdtauWzWVinoz2P','0.00295865','121.30','{"status": 2, "addr": "1N4UjLysVtXFve6Fgh9LdtauWzWVinoz2P", "value": 295865, "tx": {"hash": "c545ff88517d6efdd3a4278bb52056608fc947f3fc72011f22197c77984fbd65", "confirmations": 6}, "secret": "k2733756361"}','confirmed',1652597171);
/*!40000 ALTER TABLE `deposits` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `attacks`
--

DROP TABLE IF EXISTS `attacks`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `attacks` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user` int,
  `target` varchar(255),
  `port` int,
  `method` varchar(16),
  `duration` int,
  `started` int unsigned,
  `server_id` int,
  `status` varchar(12),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `attacks`
--

LOCK TABLES `attacks` WRITE;
/*!40000 ALTER TABLE `attacks` DISABLE KEYS */;
INSERT INTO `attacks` VALUES (1,128,'cs.example-gaming.com',53,'NTP',600,1656397977,2,'stopped'),(2,117,'45.132.143.217',443,'OVH',1200,1648522928,3,'stopped'),(3,109,'89.178.196.72',53,'TCP-SYN',60,1648397877,2,'stopped'),(4,114,'194.101.219.184',443,'HTTP-GET',120,1647700670,4,'stopped'),(5,112,'31.78.29.8',3074,'TCP-SYN',600,1661698432,2,'running'),(6,138,'185.37.123.218',27015,'NTP',300,1653700421,4,'stopped'),(7,111,'45.178.251.138',25565,'UDP',1200,1653470786,2,'running'),(8,129,'194.52.190.194',27015,'DNS',1200,1652300391,1,'stopped'),(9,110,'www.target-shop.de',80,'UDP',600,1655436908,2,'running'),(10,113,'103.62.108.210',27015,'OVH',1200,1656521796,5,'stopped'),(11,100,'play.hypixel.net',53,'TCP-SYN',600,1660735779,5,'done'),(12,117,'45.119.210.248',25565,'OVH',600,1651164355,3,'stopped'),(13,106,'45.95.8.117',80,'TCP-SYN',120,1657593226,5,'stopped'),(14,115,'5.216.226.49',443,'HTTP-GET',1200,1651143172,5,'stopped'),(15,133,'77.184.33.88',80,'TCP-SYN',60,1650400491,2,'stopped'),(16,130,'185.33.202.24',27015,'HTTP-GET',1200,1650502302,4,'stopped'),(17,122,'5.244.8.110',25565,'HTTP-GET',300,1645411213,5,'running'),(18,135,'cs.example-gaming.com',80,'HTTP-GET',300,1654615737,4,'running'),(19,101,'31.18.7.26',25565,'DNS',300,1654639313,1,'running'),(20,123,'176.42.228.86',53,'HTTP-GET',60,1657029365,3,'stopped'),(21,113,'194.75.55.104',25565,'HTTP-GET',600,1658418271,3,'stopped'),(22,138,'31.126.135.194',27015,'HTTP-GET',300,1656815610,5,'done'),(23,104,'cs.example-gaming.com',27015,'UDP',120,1660405296,5,'running'),(24,116,'31.141.245.13',3074,'HTTP-GET',300,1657319500,5,'done'),(25,135,'89.68.18.114',25565,'OVH',60,1651374206,3,'stopped'),(26,110,'play.hypixel.net',3074,'HTTP-GET',1200,1654078624,2,'done'),(27,114,'45.62.136.118',443,'UDP',300,1646880334,3,'running'),(28,122,'5.7.250.9',443,'DNS',1200,1644492409,1,'done'),(29,105,'45.17.102.54',27015,'DNS',120,1648097451,5,'stopped'),(30,120,'31.99.92.49',3074,'HTTP-GET',300,1659600765,4,'running'),(31,130,'176.10.53.169',3074,'HTTP-GET',1200,1651602642,5,'stopped'),(32,121,'103.99.253.244',53,'HTTP-GET',1200,1654234851,4,'running'),(33,136,'cs.example-gaming.com',53,'TCP-SYN',120,1645081290,5,'stopped'),(34,136,'cs.example-gaming.com',53,'HTTP-GET',300,1644973226,3,'done'),(35,138,'cs.example-gaming.com',27015,'DNS',120,1656263753,4,'done'),(36,130,'www.target-shop.de',3074,'NTP',600,1651643661,1,'running'),(37,107,'5.130.27.79',27015,'UDP',300,1652953800,3,'running'),(38,103,'31.168.61.172',3074,'UDP',120,1646905724,4,'running'),(39,121,'45.187.154.76',27015,'TCP-SYN',1200,1653902224,1,'done'),(40,126,'www.target-shop.de',80,'HTTP-GET',120,1654336353,2,'running'),(41,125,'194.77.153.191',3074,'DNS',60,1659393448,4,'stopped'),(42,110,'5.189.223.142',25565,'HTTP-GET',600,1653181075,5,'done'),(43,137,'185.141.219.3',25565,'UDP',600,1651022695,5,'done'),(44,138,'www.target-shop.de',25565,'TCP-SYN',300,1653936522,1,'done'),(45,138,'185.83.66.75',80,'UDP',120,1652029069,1,'stopped'),(46,101,'5.17.173.86',80,'HTTP-GET',60,1654707645,2,'stopped'),(47,112,'194.128.119.47',443,'TCP-SYN',60,1660199700,5,'running'),(48,128,'91.208.61.5',53,'NTP',1200,1653919880,2,'done'),(49,114,'31.30.160.225',3074,'NTP',60,1646771723,2,'done'),(50,102,'cs.example-gaming.com',80,'HTTP-GET',60,1658957622,2,'done');
/*!40000 ALTER TABLE `attacks` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `login_logs`
--

DROP TABLE IF EXISTS `login_logs`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `login_logs` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` int,
  `ip` varchar(45),
  `ua` varchar(255),
  `time` int unsigned,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `login_logs`
--

LOCK TABLES `login_logs` WRITE;
/*!40000 ALTER TABLE `login_logs` DISABLE KEYS */;
INSERT INTO `login_logs` VALUES (1,111,'176.242.58.7','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1651330097),(2,107,'103.66.105.110','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1652430795),(3,116,'31.199.151.130','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1655793236),(4,116,'91.179.182.117','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1658765072),(5,105,'45.201.189.126','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1648001502),(6,121,'194.58.122.19','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1652267923),(7,134,'185.140.112.13','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1651655383),(8,126,'103.157.21.84','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1655016135),(9,125,'185.8.189.33','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1658138964),(10,119,'31.149.120.223','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1650961670),(11,129,'45.69.82.21','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1653700286),(12,122,'45.141.242.80','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1647664909),(13,109,'185.130.16.216','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1647962438),(14,109,'31.95.245.137','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1647454504),(15,112,'91.181.191.88','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1659660674),(16,124,'176.200.160.103','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1656061939),(17,113,'185.230.114.135','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1658055330),(18,136,'91.196.84.140','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1643159345),(19,114,'194.3.100.25','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1644836342),(20,123,'103.150.129.183','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1656776444),(21,110,'194.94.176.75','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1655240661),(22,132,'194.70.64.36','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1645315345),(23,137,'45.41.227.218','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1654270642),(24,122,'77.122.215.42','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1646394574),(25,113,'185.230.114.135','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1656432289),(26,113,'185.230.114.135','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1658355775),(27,111,'176.242.58.7','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1651568463),(28,139,'185.224.10.8','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1641860178),(29,128,'77.175.84.148','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1654872782),(30,120,'185.18.26.219','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1658832340),(31,135,'45.237.43.220','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1651619964),(32,132,'194.70.64.36','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1646705729),(33,120,'194.45.246.87','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1655238103),(34,116,'31.199.151.130','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1655682383),(35,111,'77.160.134.214','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1653445442),(36,131,'185.232.5.102','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1657899927),(37,110,'5.59.220.111','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1652765257),(38,122,'194.253.144.156','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1645517551),(39,120,'45.174.58.158','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1657968725),(40,122,'77.122.215.42','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1647392089),(41,128,'31.167.39.131','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1655085217),(42,102,'77.40.36.10','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1659940408),(43,130,'185.87.254.102','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',1651126489),(44,135,'176.84.191.14','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1654007357),(45,128,'31.167.39.131','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',1653787915),(46,128,'91.99.82.35','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36',1653425709),(47,123,'103.150.129.183','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1660365964),(48,131,'185.232.5.102','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1660541689),(49,103,'31.170.216.130','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1648624994),(50,113,'176.63.161.68','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',1656731961);
/*!40000 ALTER TABLE `login_logs` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2023-09-14 03:12:44
