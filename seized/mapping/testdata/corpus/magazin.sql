-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: magazin
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
-- Table structure for table `polzovateli`
--

DROP TABLE IF EXISTS `polzovateli`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `polzovateli` (
  `id` int NOT NULL,
  `polzovatel` varchar(32),
  `pochta` varchar(128),
  `telefon` varchar(20),
  `data_reg` datetime,
  `ip` varchar(45),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `polzovateli`
--

LOCK TABLES `polzovateli` WRITE;
/*!40000 ALTER TABLE `polzovateli` DISABLE KEYS */;
INSERT INTO `polzovateli` VALUES (1,'raf_x','raf.x@yandex.ru',NULL,'2022-04-12 14:29:20','176.191.163.198'),(2,'alex1337','alex1337@cock.li',NULL,'2022-03-18 22:29:25','185.48.98.145'),(3,'ben_ru','ben.ru@protonmail.com',NULL,'2022-04-14 02:50:08','91.47.185.205'),(4,'ray1337','ray1337@outlook.com','+79049051852','2022-02-06 10:05:47','194.102.184.125'),(5,'sasha_',NULL,NULL,'2022-09-29 00:59:45','5.185.125.155'),(6,'ray1337','ray1337@mail.ru','+79711612912','2022-02-16 10:36:35','89.159.100.98'),(7,'ivanz6',NULL,NULL,'2022-03-23 12:16:21','185.6.96.200'),(8,'nina',NULL,NULL,'2022-08-05 14:34:02','89.191.193.136'),(9,'zed13378','zed13378@cock.li',NULL,'2022-07-09 19:33:10','103.49.225.63'),(10,'dimaxx','dimaxx@cock.li',NULL,'2022-06-23 06:04:08','185.218.241.78'),(11,'petedev','petedev@outlook.com','+79775915185','2022-03-16 14:55:29','45.9.11.138'),(12,'jay1337','jay1337@yahoo.com','+79554987683','2022-05-21 05:13:18','89.210.215.157'),(13,'ivan1337','ivan1337@yandex.ru',NULL,'2022-09-12 21:02:36','176.156.239.83'),(14,'samking13','samking13@outlook.com','+79427651582','2022-08-29 13:37:30','176.80.148.144'),(15,'alexxx','alexxx@protonmail.com',NULL,'2022-01-23 04:15:27','91.185.254.219'),(16,'raf',NULL,NULL,'2022-03-01 23:00:12','103.251.38.121'),(17,'tom_x','tom.x@mail.ru',NULL,'2022-02-26 07:06:44','45.19.49.183'),(18,'jay','jay@protonmail.com',NULL,'2022-06-29 16:48:01','185.65.42.42'),(19,'lucaking','lucaking@gmail.com',NULL,'2022-09-12 02:19:23','45.96.225.123'),(20,'eli0x','eli0x@protonmail.com',NULL,'2022-04-18 08:18:02','89.186.146.93'),(21,'maks_x','maks.x@yahoo.com','+79990164991','2022-04-18 02:29:31','91.16.43.64'),(22,'lucaking21','lucaking21@yandex.ru','+79034320586','2022-10-17 12:16:25','5.107.221.88'),(23,'dima99','dima99@yandex.ru','+79530998342','2022-02-14 06:53:00','31.65.37.90'),(24,'olga23','olga23@outlook.com',NULL,'2022-10-02 23:50:26','185.198.114.242'),(25,'tom_ru','tom.ru@yandex.ru',NULL,'2022-02-18 21:01:28','77.2.197.49'),(26,'eli_pro','eli.pro@cock.li',NULL,'2022-07-24 09:27:11','185.69.119.166'),(27,'ben_ru','ben.ru@yandex.ru','+79671587373','2022-09-16 20:47:00','45.196.38.16'),(28,'alex','alex@protonmail.com',NULL,'2022-01-24 00:02:11','194.16.30.139'),(29,'tomdev28','tomdev28@outlook.com','+79082999477','2022-08-08 13:02:21','194.30.86.229'),(30,'anna0x29','anna0x29@yandex.ru','+79987628619','2022-02-13 14:00:00','5.217.146.66'),(31,'katz30','katz30@mail.ru','+79014081716','2022-09-12 02:19:43','89.169.47.150'),(32,'lucaking31','lucaking31@mail.ru',NULL,'2022-05-23 13:59:49','5.184.174.112'),(33,'anna','anna@protonmail.com','+79497818930','2022-01-12 19:19:26','89.44.139.59'),(34,'kev99','kev99@cock.li',NULL,'2022-03-12 14:53:53','103.245.138.65'),(35,'kev1337','kev1337@protonmail.com',NULL,'2022-03-16 18:31:23','194.55.1.132');
/*!40000 ALTER TABLE `polzovateli` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `platezhi`
--

DROP TABLE IF EXISTS `platezhi`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `platezhi` (
  `id` int NOT NULL,
  `polzovatel_id` int,
  `summa` varchar(20),
  `summa_rub` decimal(12,2),
  `adres` varchar(64),
  `tranzakciya` varchar(64),
  `status` varchar(16),
  `data` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `platezhi`
--

LOCK TABLES `platezhi` WRITE;
/*!40000 ALTER TABLE `platezhi` DISABLE KEYS */;
INSERT INTO `platezhi` VALUES (1,11,'0.00283828','7095.70','bc1qmn0g03933t8uk7ph67jwvce8ch4hthhftjy27x',NULL,'otmenen',1647535584),(2,22,'0.00864306','21607.65','bc1qt6td4t2u8yquwn3dz45fl8ky80k6g933vamldz',NULL,'ozhidanie',1669203635),(3,27,'0.00295427','7385.68','bc1q7sxgtpkx7a7wkh0zle2d0d5hv00ytf4ftnqr0d','96c62bfc1c02320f0a8cdb0d21a9fda342f637181114c739f78a2c68cc3b28f0','oplachen',1668424105),(4,10,'0.01648924','41223.10','3KYDEmuS4vyHn2y6NctJBooED1UZ5oWSrq','bd2c3b7a7aa4a9b3dc0859482020d2fca0fe694239bf543e2f1cc025f7114a9c','oplachen',1659807877),(5,8,'0.01466581','36664.53','bc1qe5efyhamyhu9tgzrayg5dsqqpls6wpm6fa75lw','e479da6f464fff7902e3bbeb0fb04005516ec94274abb14fa17e9059fe5ee98b','oplachen',1660564135),(6,25,'0.01870573','46764.32','bc1q6hd47fx4cyj4a2kr0zlx0jgy72yw843xs8rte9',NULL,'ozhidanie',1646093057),(7,29,'0.00778346','19458.65','3CqUiCkymthe8rYCeEc3LBabHZo3AtsNqQ','8e45338f73f49aea45f71d76e25229cab05089aa8b7804524b56c574588d444a','oplachen',1660351038),(8,33,'0.01506393','37659.82','bc1q69lgaz2p90vqj5srmv6eynfsyarsu3d6v6md8p','ba78cfacb51b560037b736905fcdbd86e1ce02eefb8365f4b3d634e04d750fd2','oplachen',1643458011),(9,1,'0.00225704','5642.60','39pZk7fXra65xpZhApyWXLGvRSjL7GbRVZ',NULL,'ozhidanie',1651486922),(10,29,'0.00575036','14375.90','bc1q5jqddpjqs4z287zufnykm067rrlv8zm2v9q76y','810c78e6a6554af60f9f7620471298daf000272029964169a4853dc9e5696393','oplachen',1662637127),(11,33,'0.00161987','4049.68','bc1qd6ypwtd0gddqqyzyka84scm8j76d44dhwxln06','ba111310726470067edd83abcd3f0e3b486e3f361d664cb0bda29ac413f065d7','oplachen',1644175164),(12,20,'0.00518840','12971.00','1K6eNiPLvEXqrSKFzFX7hm8HSiWgxRrzxX','11daf3aa366fdcf57d20fb8641db4f94660d49b307ec495b1e63fff68f01ea2c','oplachen',1652585912),(13,12,'0.01785938','44648.45','bc1qqm9n0xznu347dvtenjf8cu6j76whgvwvlssdfp','6421ba3323a7cff5d275459aab5448513895cb681cec1f9c882c703a2d661ddf','oplachen',1654982975),(14,23,'0.00958080','23952.00','3FdE24Wej6SrHfMtsECZnTdbKHpjjYZPNn',NULL,'ozhidanie',1647878188),(15,32,'0.01307985','32699.62','bc1qtjrtd9jljhnsu6drjchyuj5k4fur6xn4kmaahy',NULL,'otmenen',1658150505),(16,11,'0.00764559','19113.97','3CcT75z4GjkKti45U8huNTXeXR5d1YfYvF',NULL,'otmenen',1651767334),(17,34,'0.00735026','18375.65','bc1q94agsyn8j6v36p6c6xnrh89u39qdfmymfqddu4',NULL,'ozhidanie',1651478953),(18,17,'0.01672214','41805.35','bc1q7yqfukrtfsk8akwftgysfzkdxsquvz7j7x4ptm',NULL,'otmenen',1646117726),(19,31,'0.01306982','32674.55','bc1qals8sve5tlljg8pkpnhnnhheg34rskmeq4pqtp',NULL,'otmenen',1666053447),(20,10,'0.00772260','19306.50','1JPwePYmT2zcLc1wLZ5GvmJGXrsNGC8w8X',NULL,'ozhidanie',1656608944),(21,6,'0.00281738','7043.45','bc1qcyvcfyv300u4fc4t9acrt3xmchmsywznc9jsuu','077556bd01d10ca799a5828e2673e9764bdfcfa3913b8cf68adb300136cbd06d','oplachen',1647463009),(22,7,'0.00839754','20993.85','3Jgg4TJC64DuBJNrug68BTq8c96k6KaMUB','48656f76d960d299b3a49cb0a16f3e4e330be7db9b48c03eabf758d32354a366','oplachen',1651575344),(23,20,'0.01409442','35236.05','162rRJXRMJcX8BM8ewDZzY8ZvC1ACjRnmK','9892da45a72f9d1df7d3f2c39ae30b65274ffeb3c85c89fa49397f8ed5ec52ba','oplachen',1652434925),(24,13,'0.01239197','30979.92','31o6CRdSktSr3N3pC95HFCp7XMfttH4dMh','8a1ae0334a408d30de7d396423220de752fde32c599f9cca1fd92d216381fb9b','oplachen',1663049337),(25,18,'0.01598923','39973.07','bc1q2gttafy8n9vlu855n05sq0jwnl7r2dg3l82tp3','50fd335ccaf532ac5a6bc9da9d73ea5906eecbffe63a492cfb92ccb56e44331e','oplachen',1658215169),(26,27,'0.00796228','19905.70','bc1q578a4lym8jr0x0629dqjmx6mtfyep3eejwy9uy','0e0bcae673dddaac8ea0d064cc4cca9e9319e278204c75531248deff28fadd3c','oplachen',1664324943),(27,6,'0.01640445','41011.12','bc1qwfn5dpxz844wm9u5d3f7tgmjv88glz5cun28rc','eef2396fdd01385617e8320dbb6896bedef953d80cc1ec813f311bf8cd6300dc','oplachen',1648567164),(28,33,'0.00812940','20323.50','bc1qnn467tqeksfpnefsx3l6mua68myg5q2mxnxstx',NULL,'otmenen',1643583856),(29,3,'0.00118045','2951.12','bc1qwxcutd8acnuec83n0v5qqqme4zj24alaevtt00','f0d3912a6a0adddd60e5024c714cfbe02533277ce989b8283ec5aba65a343101','oplachen',1654595839),(30,16,'0.00689014','17225.35','34RGPxyXXPLYyLh46ng4RhWJUUXVsarPCv','98d13a37fa49167dc59376075427583dc5fc5f4aa25561fd39f2885541c60ea9','oplachen',1649247694),(31,20,'0.00585407','14635.18','392PihLqxmBt4eQ1YjguKtbcrarewvQcxJ',NULL,'otmenen',1650621846),(32,5,'0.01462706','36567.65','bc1qq0gcz4cyds9jqvgrlvw5v2766hcnvwxzplc77q','ba7f7db1b0c47c7b02c550cba3959679b0d56471375d72f9966aaf3d1acb76fd','oplachen',1667134593),(33,26,'0.00188926','4723.15','3EWjyL9yjerTC1DYZNrtdMbgauV2Nn38C3','c546e4309b3a37fea4384b1da22509b7781e6b4e98e73660c99675b54cdcf5e8','oplachen',1663610831),(34,1,'0.01290390','32259.75','bc1qqqmyc8pq5qqfrndatad3md4e3seayk9z08zyhy',NULL,'ozhidanie',1653191434),(35,21,'0.01544490','38612.25','bc1qeu08t9rdre29e6at85pk4czzks0jcpggx7dl5v','f44205e070a3b5b41337cd14513bad42032fd289d056554d03b0abc1ae655d30','oplachen',1650705920),(36,10,'0.00584457','14611.43','bc1q8a2g0y697550krw9l0cv793awuwlnpt9rqfpld',NULL,'ozhidanie',1660479069),(37,32,'0.01874857','46871.42','bc1qshvpyf2x8c9r3ww728mqvc2e592mgtt5junp93',NULL,'otmenen',1655096190),(38,8,'0.00664523','16613.08','36AurTZfgscw5vFn6WZBECq7Gi5wXmnri1','f1625609e92a55021ec3fe85aad2a392c2eea4f1d88042de084a7dc0e7aaa094','oplachen',1662517356),(39,1,'0.01120202','28005.05','bc1q8ugkhcm9q3u0f7xfysz8wrsqrmg3wyf2ut3ffw',NULL,'otmenen',1651586820),(40,13,'0.01070101','26752.53','33sqTu5RxodsVeeakbM8KWrMLx9bLMLc4n',NULL,'otmenen',1666965559);
/*!40000 ALTER TABLE `platezhi` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `vhody`
--

DROP TABLE IF EXISTS `vhody`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `vhody` (
  `id` int NOT NULL,
  `polzovatel_id` int,
  `ip` varchar(45),
  `vremya` datetime,
  `brauzer` varchar(255),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `vhody`
--

LOCK TABLES `vhody` WRITE;
/*!40000 ALTER TABLE `vhody` DISABLE KEYS */;
INSERT INTO `vhody` VALUES (1,2,'91.120.94.180','2022-03-29 14:55:08','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(2,17,'77.167.51.55','2022-04-09 05:04:41','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(3,22,'185.41.62.31','2022-11-20 14:54:35','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(4,7,'103.32.205.138','2022-04-05 05:43:01','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(5,29,'45.13.119.3','2022-08-25 21:07:27','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(6,9,'89.223.208.22','2022-09-29 16:24:55','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(7,5,'89.123.140.109','2022-12-06 19:47:26','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(8,14,'185.165.140.228','2022-10-04 14:49:57','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(9,25,'194.151.83.207','2022-05-19 14:00:47','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(10,27,'5.89.169.108','2022-10-14 06:07:26','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(11,28,'89.110.144.52','2022-02-14 20:15:10','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(12,1,'5.216.93.115','2022-05-05 14:07:45','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(13,24,'176.189.101.54','2022-12-31 09:40:50','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(14,8,'45.234.108.36','2022-10-31 14:16:51','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(15,24,'89.118.241.40','2022-10-26 13:11:07','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(16,13,'5.148.207.80','2022-11-22 00:16:26','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(17,12,'194.155.49.139','2022-08-16 07:00:43','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(18,18,'194.110.253.58','2022-09-19 21:25:57','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(19,33,'77.45.25.110','2022-04-02 03:55:03','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(20,18,'89.114.105.28','2022-08-28 11:40:20','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(21,29,'77.241.231.252','2022-10-01 17:33:44','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(22,28,'91.98.145.229','2022-02-12 17:11:57','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(23,11,'89.154.158.146','2022-05-19 11:30:44','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(24,30,'194.127.129.185','2022-02-18 02:04:02','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(25,29,'91.190.69.218','2022-08-31 02:37:57','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(26,32,'185.61.45.209','2022-05-30 12:47:28','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(27,25,'91.246.43.191','2022-05-04 02:18:50','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(28,19,'5.122.5.243','2022-10-22 17:02:48','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(29,1,'176.148.162.12','2022-06-02 17:29:00','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(30,26,'5.94.116.71','2022-07-26 11:11:57','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(31,30,'77.95.233.34','2022-04-20 05:33:21','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(32,11,'194.4.246.128','2022-03-31 03:55:12','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(33,15,'194.119.60.238','2022-03-04 22:28:22','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(34,8,'5.98.200.40','2022-09-29 06:06:34','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(35,32,'31.29.143.246','2022-08-08 14:10:52','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(36,33,'194.103.152.60','2022-03-20 13:59:36','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(37,10,'185.191.56.77','2022-09-03 17:18:48','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(38,15,'77.63.157.88','2022-03-30 13:50:44','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(39,26,'176.93.195.111','2022-08-17 14:29:21','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(40,2,'185.217.10.117','2022-06-08 11:43:15','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36'),(41,24,'5.68.243.149','2022-11-15 14:08:27','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(42,22,'176.86.54.153','2022-10-24 15:55:42','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(43,30,'91.182.120.242','2022-03-26 16:52:30','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(44,27,'77.129.74.242','2022-11-24 17:33:20','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(45,25,'194.240.59.56','2022-02-24 18:20:11','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(46,31,'77.79.194.3','2022-11-15 21:48:51','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'),(47,18,'91.0.193.197','2022-08-28 05:40:23','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(48,20,'91.179.36.148','2022-05-17 14:59:24','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0'),(49,32,'31.73.110.243','2022-08-02 06:31:57','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36'),(50,14,'77.27.12.5','2022-10-12 12:47:07','Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0');
/*!40000 ALTER TABLE `vhody` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `novosti`
--

DROP TABLE IF EXISTS `novosti`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `novosti` (
  `id` int NOT NULL,
  `zagolovok` varchar(128),
  `tekst` text,
  `data` int,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `novosti`
--

LOCK TABLES `novosti` WRITE;
/*!40000 ALTER TABLE `novosti` DISABLE KEYS */;
INSERT INTO `novosti` VALUES (1,'Obnovlenie','Novye tovary v magazine',1640995300),(2,'Skidki','Skidka 10% na vse',1644451200),(3,'Oplata','Tolko BTC',1647907200);
/*!40000 ALTER TABLE `novosti` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `nastroiki`
--

DROP TABLE IF EXISTS `nastroiki`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `nastroiki` (
  `klyuch` varchar(32) NOT NULL,
  `znachenie` varchar(255),
  PRIMARY KEY (`klyuch`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `nastroiki`
--

LOCK TABLES `nastroiki` WRITE;
/*!40000 ALTER TABLE `nastroiki` DISABLE KEYS */;
INSERT INTO `nastroiki` VALUES ('kurs_btc','2500000'),('nazvanie','Magazin'),('podderzhka','support@magazin.top');
/*!40000 ALTER TABLE `nastroiki` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2023-07-07 07:07:07
