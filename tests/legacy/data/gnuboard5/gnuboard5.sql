/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: 127.0.0.1    Database: g5_fixture
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `g5_write_news`
--

DROP TABLE IF EXISTS `g5_write_news`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `g5_write_news` (
  `wr_id` int(11) NOT NULL AUTO_INCREMENT,
  `wr_num` int(11) NOT NULL DEFAULT 0,
  `wr_reply` varchar(10) NOT NULL,
  `wr_parent` int(11) NOT NULL DEFAULT 0,
  `wr_is_comment` tinyint(4) NOT NULL DEFAULT 0,
  `wr_comment` int(11) NOT NULL DEFAULT 0,
  `wr_comment_reply` varchar(5) NOT NULL,
  `ca_name` varchar(255) NOT NULL,
  `wr_option` set('html1','html2','secret','mail') NOT NULL,
  `wr_subject` varchar(255) NOT NULL,
  `wr_content` text NOT NULL,
  `wr_seo_title` varchar(255) NOT NULL DEFAULT '',
  `wr_link1` text NOT NULL,
  `wr_link2` text NOT NULL,
  `wr_link1_hit` int(11) NOT NULL DEFAULT 0,
  `wr_link2_hit` int(11) NOT NULL DEFAULT 0,
  `wr_hit` int(11) NOT NULL DEFAULT 0,
  `wr_good` int(11) NOT NULL DEFAULT 0,
  `wr_nogood` int(11) NOT NULL DEFAULT 0,
  `mb_id` varchar(20) NOT NULL,
  `wr_password` varchar(255) NOT NULL,
  `wr_name` varchar(255) NOT NULL,
  `wr_email` varchar(255) NOT NULL,
  `wr_homepage` varchar(255) NOT NULL,
  `wr_datetime` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `wr_file` tinyint(4) NOT NULL DEFAULT 0,
  `wr_last` varchar(19) NOT NULL,
  `wr_ip` varchar(255) NOT NULL,
  `wr_facebook_user` varchar(255) NOT NULL,
  `wr_twitter_user` varchar(255) NOT NULL,
  `wr_1` varchar(255) NOT NULL,
  `wr_2` varchar(255) NOT NULL,
  `wr_3` varchar(255) NOT NULL,
  `wr_4` varchar(255) NOT NULL,
  `wr_5` varchar(255) NOT NULL,
  `wr_6` varchar(255) NOT NULL,
  `wr_7` varchar(255) NOT NULL,
  `wr_8` varchar(255) NOT NULL,
  `wr_9` varchar(255) NOT NULL,
  `wr_10` varchar(255) NOT NULL,
  PRIMARY KEY (`wr_id`),
  KEY `wr_seo_title` (`wr_seo_title`),
  KEY `wr_num_reply_parent` (`wr_num`,`wr_reply`,`wr_parent`),
  KEY `wr_is_comment` (`wr_is_comment`,`wr_id`)
) ENGINE=InnoDB AUTO_INCREMENT=11 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `g5_write_news`
--

LOCK TABLES `g5_write_news` WRITE;
/*!40000 ALTER TABLE `g5_write_news` DISABLE KEYS */;
INSERT INTO `g5_write_news` VALUES
(1,-1,'',1,0,2,'','2020','html1','제10회 세계인권도시포럼 온라인 개막','<p>제10회 세계인권도시포럼이 10월 7일 온라인으로 막을 올렸다.</p><p><img src=\"http://www.whrcf.org/data/editor/2612/69eaff8994b2350219a2313a45b79036_1796305579_1704.jpg\" title=\"69eaff8994b2350219a2313a45b79036_1796305579_1704.jpg\" ><br style=\"clear:both;\"></p><p>개막식에는 전 세계 도시 대표들이 화상으로 함께했다.</p><p><img src=\"http://www.whrcf.org/data/editor/2612/69eaff8994b2350219a2313a45b79036_1796305579_1911.jpg\" title=\"69eaff8994b2350219a2313a45b79036_1796305579_1911.jpg\" ><br style=\"clear:both;\"><img src=\"http://www.whrcf.org/data/editor/2612/69eaff8994b2350219a2313a45b79036_1796305579_2098.jpg\" title=\"69eaff8994b2350219a2313a45b79036_1796305579_2098.jpg\" ><br style=\"clear:both;\"></p>','제10회-세계인권도시포럼-온라인-개막','','',0,0,9,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',2,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(2,-2,'',2,0,0,'','2021','html1','2021 포럼 프로그램 안내','<p>2021 포럼은 10월 6일 사전 행사로 시작해 10월 10일까지 이어진다.</p><table border=\"1\"><thead><tr><th>날짜</th><th>행사</th></tr></thead><tbody><tr><td>10월 6일</td><td>사전 포럼</td></tr><tr><td>10월 7일</td><td>개막식</td></tr></tbody></table>','2021-포럼-프로그램-안내','','',0,0,5,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',1,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(3,-3,'',3,0,0,'','보도자료','html1','광주시, 세계인권도시포럼 공동 주최 기관 발표','<p>광주광역시는 올해 포럼을 유네스코, 유엔 인권최고대표사무소와 함께 연다고 밝혔다.</p>','광주시-세계인권도시포럼-공동-주최-기관-발표','','',0,0,2,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(4,-4,'',4,0,0,'','공모전','html1','청소년 인권 사진 공모전','<p>청소년이 바라본 인권 도시를 주제로 한 사진 공모전을 연다.</p>','청소년-인권-사진-공모전','','',0,0,1,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(5,-5,'',5,0,0,'','2020','html1','개막식 영상 다시 보기','<p>개막식 영상을 다시 볼 수 있다.</p><p><iframe width=\"640\" height=\"360\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" frameborder=\"0\" allow=\"accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture\" allowfullscreen></iframe></p><p><img src=\"https://www.example.org/photos/opening.jpg\" alt=\"개막식 무대\"></p>','개막식-영상-다시-보기','','',0,0,2,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(6,-6,'',6,0,0,'','2021','','자원봉사자 모집','포럼 자원봉사자를 모집합니다.\n신청: https://whrcf.org/volunteer 또는 volunteer@whrcf.org\n\n문의는 www.gic.or.kr 에서도 받습니다.','자원봉사자-모집','','',0,0,3,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(7,-7,'',7,0,0,'','2021','html1,secret','비공개 회의 메모','<p>내부 회의 메모.</p>','비공개-회의-메모','','',0,0,0,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(8,-6,'A',8,0,0,'','2021','html1','Re: 자원봉사자 모집','<p>자원봉사자 모집은 9월 30일에 마감한다.</p>','re-자원봉사자-모집','','',0,0,1,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(9,-1,'',1,1,1,'','2020','','','개막식 영상도 올려 주세요.','','','',0,0,0,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'','127.0.0.1','','','','','','','','','','','',''),
(10,-1,'',1,1,2,'','2020','','','영상은 다음 주에 올라갑니다.','','','',0,0,0,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'','127.0.0.1','','','','','','','','','','','','');
/*!40000 ALTER TABLE `g5_write_news` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `g5_write_news_eng`
--

DROP TABLE IF EXISTS `g5_write_news_eng`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `g5_write_news_eng` (
  `wr_id` int(11) NOT NULL AUTO_INCREMENT,
  `wr_num` int(11) NOT NULL DEFAULT 0,
  `wr_reply` varchar(10) NOT NULL,
  `wr_parent` int(11) NOT NULL DEFAULT 0,
  `wr_is_comment` tinyint(4) NOT NULL DEFAULT 0,
  `wr_comment` int(11) NOT NULL DEFAULT 0,
  `wr_comment_reply` varchar(5) NOT NULL,
  `ca_name` varchar(255) NOT NULL,
  `wr_option` set('html1','html2','secret','mail') NOT NULL,
  `wr_subject` varchar(255) NOT NULL,
  `wr_content` text NOT NULL,
  `wr_seo_title` varchar(255) NOT NULL DEFAULT '',
  `wr_link1` text NOT NULL,
  `wr_link2` text NOT NULL,
  `wr_link1_hit` int(11) NOT NULL DEFAULT 0,
  `wr_link2_hit` int(11) NOT NULL DEFAULT 0,
  `wr_hit` int(11) NOT NULL DEFAULT 0,
  `wr_good` int(11) NOT NULL DEFAULT 0,
  `wr_nogood` int(11) NOT NULL DEFAULT 0,
  `mb_id` varchar(20) NOT NULL,
  `wr_password` varchar(255) NOT NULL,
  `wr_name` varchar(255) NOT NULL,
  `wr_email` varchar(255) NOT NULL,
  `wr_homepage` varchar(255) NOT NULL,
  `wr_datetime` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `wr_file` tinyint(4) NOT NULL DEFAULT 0,
  `wr_last` varchar(19) NOT NULL,
  `wr_ip` varchar(255) NOT NULL,
  `wr_facebook_user` varchar(255) NOT NULL,
  `wr_twitter_user` varchar(255) NOT NULL,
  `wr_1` varchar(255) NOT NULL,
  `wr_2` varchar(255) NOT NULL,
  `wr_3` varchar(255) NOT NULL,
  `wr_4` varchar(255) NOT NULL,
  `wr_5` varchar(255) NOT NULL,
  `wr_6` varchar(255) NOT NULL,
  `wr_7` varchar(255) NOT NULL,
  `wr_8` varchar(255) NOT NULL,
  `wr_9` varchar(255) NOT NULL,
  `wr_10` varchar(255) NOT NULL,
  PRIMARY KEY (`wr_id`),
  KEY `wr_seo_title` (`wr_seo_title`),
  KEY `wr_num_reply_parent` (`wr_num`,`wr_reply`,`wr_parent`),
  KEY `wr_is_comment` (`wr_is_comment`,`wr_id`)
) ENGINE=InnoDB AUTO_INCREMENT=6 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `g5_write_news_eng`
--

LOCK TABLES `g5_write_news_eng` WRITE;
/*!40000 ALTER TABLE `g5_write_news_eng` DISABLE KEYS */;
INSERT INTO `g5_write_news_eng` VALUES
(1,-1,'',1,0,1,'','2020','html1','10th World Human Rights Cities Forum opens online','<p>The 10th World Human Rights Cities Forum opened online on 7 October.</p><p>City representatives from around the world joined the opening by video.</p>','10th-world-human-rights-cities-forum-opens-online','','',0,0,6,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(2,-2,'',2,0,0,'','2021','html1','Programme of the 2021 forum','<p>The 2021 forum starts with a pre-forum on 6 October and runs until 10 October.</p>','programme-of-the-2021-forum','','',0,0,2,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(3,-3,'',3,0,0,'','Press release','html1','Gwangju names the co-hosts of the forum','<p>Gwangju Metropolitan City said it holds this year\'s forum with UNESCO and OHCHR.</p>','gwangju-names-the-co-hosts-of-the-forum','','',0,0,1,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(4,-4,'',4,0,0,'','2021','','Volunteers wanted','The forum is looking for volunteers.\nApply at https://whrcf.org/volunteer or volunteer@whrcf.org','volunteers-wanted','','',0,0,1,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'2026-12-03 22:46:19','127.0.0.1','','','','','','','','','','','',''),
(5,-1,'',1,1,1,'','2020','','','Will the sessions be recorded?','','','',0,0,0,0,0,'admin','','최고관리자','admin@example.org','','2026-12-03 22:46:19',0,'','127.0.0.1','','','','','','','','','','','','');
/*!40000 ALTER TABLE `g5_write_news_eng` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `g5_board_file`
--

DROP TABLE IF EXISTS `g5_board_file`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `g5_board_file` (
  `bo_table` varchar(20) NOT NULL DEFAULT '',
  `wr_id` int(11) NOT NULL DEFAULT 0,
  `bf_no` int(11) NOT NULL DEFAULT 0,
  `bf_source` varchar(255) NOT NULL DEFAULT '',
  `bf_file` varchar(255) NOT NULL DEFAULT '',
  `bf_download` int(11) NOT NULL,
  `bf_content` text NOT NULL,
  `bf_fileurl` varchar(255) NOT NULL DEFAULT '',
  `bf_thumburl` varchar(255) NOT NULL DEFAULT '',
  `bf_storage` varchar(50) NOT NULL DEFAULT '',
  `bf_filesize` int(11) NOT NULL DEFAULT 0,
  `bf_width` int(11) NOT NULL DEFAULT 0,
  `bf_height` smallint(6) NOT NULL DEFAULT 0,
  `bf_type` tinyint(4) NOT NULL DEFAULT 0,
  `bf_datetime` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (`bo_table`,`wr_id`,`bf_no`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `g5_board_file`
--

LOCK TABLES `g5_board_file` WRITE;
/*!40000 ALTER TABLE `g5_board_file` DISABLE KEYS */;
INSERT INTO `g5_board_file` VALUES
('news',1,0,'2020 세계인권도시포럼 결과보고서.pdf','7b018c827432d9b37a214761cfb43782_5V2e4H3B_cafd23777b8c7f35db318b061cfe40bcceb7d2ed.pdf',3,'','','','',592,0,0,0,'2026-12-03 22:46:19'),
('news',1,1,'개막식 사진.jpg','7b018c827432d9b37a214761cfb43782_aVQPot5r_4d61d6658263fed9506c2cd66d11d0759392c5fb.jpg',1,'','','','',788,120,80,2,'2026-12-03 22:46:19'),
('news',2,0,'참가 신청서.hwp','7b018c827432d9b37a214761cfb43782_iQJu0URj_8071fb6dc64bf474bf97be509193518213c3908e.hwp',2,'','','','',66,0,0,0,'2026-12-03 22:46:19');
/*!40000 ALTER TABLE `g5_board_file` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2026-12-03 13:46:20
