-- MySQL dump 10.13  Distrib 5.7.42, for Linux (x86_64)
--
-- Host: localhost    Database: whrcf
-- ------------------------------------------------------
-- Server version	5.7.42

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;

--
-- Table structure for table `g5_write_news`
--

DROP TABLE IF EXISTS `g5_write_news`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `g5_write_news` (
  `wr_id` int(11) NOT NULL AUTO_INCREMENT,
  `wr_num` int(11) NOT NULL DEFAULT '0',
  `wr_reply` varchar(10) NOT NULL,
  `wr_parent` int(11) NOT NULL DEFAULT '0',
  `wr_is_comment` tinyint(4) NOT NULL DEFAULT '0',
  `wr_comment` int(11) NOT NULL DEFAULT '0',
  `wr_comment_reply` varchar(5) NOT NULL,
  `ca_name` varchar(255) NOT NULL,
  `wr_option` set('html1','html2','secret','mail') NOT NULL,
  `wr_subject` varchar(255) NOT NULL,
  `wr_content` text NOT NULL,
  `wr_seo_title` varchar(255) NOT NULL DEFAULT '',
  `wr_link1` text NOT NULL,
  `wr_link2` text NOT NULL,
  `wr_link1_hit` int(11) NOT NULL DEFAULT '0',
  `wr_link2_hit` int(11) NOT NULL DEFAULT '0',
  `wr_hit` int(11) NOT NULL DEFAULT '0',
  `wr_good` int(11) NOT NULL DEFAULT '0',
  `wr_nogood` int(11) NOT NULL DEFAULT '0',
  `mb_id` varchar(20) NOT NULL,
  `wr_password` varchar(255) NOT NULL,
  `wr_name` varchar(255) NOT NULL,
  `wr_email` varchar(255) NOT NULL,
  `wr_homepage` varchar(255) NOT NULL,
  `wr_datetime` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `wr_file` tinyint(4) NOT NULL DEFAULT '0',
  `wr_last` varchar(19) NOT NULL,
  `wr_ip` varchar(255) NOT NULL,
  `wr_1` varchar(255) NOT NULL,
  `wr_2` varchar(255) NOT NULL,
  `wr_3` varchar(255) NOT NULL,
  PRIMARY KEY (`wr_id`),
  KEY `wr_num_reply_parent` (`wr_num`,`wr_reply`,`wr_parent`),
  KEY `wr_is_comment` (`wr_is_comment`,`wr_id`)
) ENGINE=MyISAM AUTO_INCREMENT=71 DEFAULT CHARSET=utf8;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `g5_write_news`
--
-- WHERE:  wr_id < 20

LOCK TABLES `g5_write_news` WRITE;
/*!40000 ALTER TABLE `g5_write_news` DISABLE KEYS */;
INSERT INTO `g5_write_news` (`wr_id`,`wr_num`,`wr_reply`,`wr_parent`,`wr_is_comment`,`wr_comment`,`wr_comment_reply`,`ca_name`,`wr_option`,`wr_subject`,`wr_content`,`wr_seo_title`,`wr_link1`,`wr_link2`,`wr_link1_hit`,`wr_link2_hit`,`wr_hit`,`wr_good`,`wr_nogood`,`mb_id`,`wr_password`,`wr_name`,`wr_email`,`wr_homepage`,`wr_datetime`,`wr_file`,`wr_last`,`wr_ip`,`wr_1`,`wr_2`,`wr_3`) VALUES (12,-12,'',12,0,0,'','2019','html1','제9회 세계인권도시포럼 개막','<p style=\'text-align:center\'><b>제9회 세계인권도시포럼이 문을 열었습니다</b></p>\r\n<p>제9회 세계인권도시포럼이 9월 30일 김대중컨벤션센터에서 개막해 10월 3일까지 이어집니다. 올해 주제는 ‘지방정부와 인권: 인권도시를 다시 상상하다’입니다.</p>\r\n<p>39개국 98개 도시에서 온 참가자들이 48개 프로그램에서 지방정부가 인권을 지키는 방법을 논의합니다. 자세한 일정은 누리집의 \"프로그램\" 메뉴에서 볼 수 있습니다.</p>','','','',0,0,3402,0,0,'admin','*6A2F9C0E4B81D3577E0C9A1B2D4F6E8A0C3B5D71','관리자','whrcf.office@example.com','','2019-09-30 18:20:00',0,'2019-09-30 18:20:00','203.0.113.24','','',''),(15,-15,'',15,0,0,'','2019','html1','제9회 세계인권도시포럼 폐막 &quot;인권도시를 다시 상상하다&quot;','<p>나흘 동안 이어진 제9회 세계인권도시포럼이 10월 3일 폐막했습니다.</p>\r\n<p>약 2,000명이 참가한 이번 포럼에서는 지방정부의 인권 정책과 시민 참여 사례가 폭넓게 공유되었습니다. 참가자들은 내년 제10회 포럼에서 다시 만나기로 약속했습니다.</p>','','','',0,0,2087,0,0,'admin','*6A2F9C0E4B81D3577E0C9A1B2D4F6E8A0C3B5D71','관리자','whrcf.office@example.com','','2019-10-04 10:05:00',0,'2019-10-04 10:05:00','203.0.113.24','','',''),(19,-19,'',19,0,0,'','2020','','제10회 세계인권도시포럼, 온라인으로 열립니다','코로나19 확산을 막기 위해 제10회 세계인권도시포럼은 10월 7일부터 10일까지 온라인으로 열립니다.\r\n\r\n모든 세션은 포럼 누리집에서 실시간으로 중계되며, 한국어와 영어 통역을 제공합니다.\r\n참가 신청 방법은 9월 중에 따로 알려 드립니다.','','','',0,0,1531,0,0,'admin','*6A2F9C0E4B81D3577E0C9A1B2D4F6E8A0C3B5D71','관리자','whrcf.office@example.com','','2020-09-14 15:00:00',0,'2020-09-14 15:00:00','203.0.113.24','','','');
/*!40000 ALTER TABLE `g5_write_news` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2023-12-28 23:40:12
