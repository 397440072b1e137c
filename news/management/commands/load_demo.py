"""
Demo data for a fresh install: the 7th–14th forums with partners, sessions and news in Korean and English.

Every sentence below was written for this demo from public facts about the forum (themes, dates, figures,
partners); none is copied from the old site. Rerunning the command changes nothing: rows are matched on
natural keys and updated in place, and generated images and files are only written when missing.
"""

import io
import os
import random
import re
import secrets
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from editions.models import (
    Declaration,
    DeclarationParagraph,
    Edition,
    EditionPartner,
    Organization,
    Session,
    Speaker,
)
from legacy.models import LegacyURL
from news.models import Attachment, Category, Post

SEOUL = ZoneInfo("Asia/Seoul")


def at(text):
    """'2020-10-07 10:00' → an aware datetime in Seoul, where every forum takes place."""
    return datetime.fromisoformat(text).replace(tzinfo=SEOUL)


def html(text):
    """Undo the line wrapping of the source below: one line per block element, no stray spaces around them."""
    blocks = "p|h2|h3|ul|ol|li|blockquote"
    text = re.sub(rf" ?(</?(?:{blocks})>) ?", r"\1", " ".join(text.split()))
    return re.sub(rf"(?<!^)(<(?:{blocks})>|</(?:ul|ol)>)", r"\n\1", text)


# Organizations ----------------------------------------------------------------------------------------------

ORGANIZATIONS = [
    {
        "slug": "gwangju",
        "name_ko": "광주광역시",
        "name_en": "Gwangju Metropolitan City",
        "acronym": "",
        "kind": Organization.Kind.CITY,
        "website": "https://www.gwangju.go.kr/",
        "logo": ("GWANGJU", "#1b4f9c"),
    },
    {
        "slug": "unesco",
        "name_ko": "유네스코",
        "name_en": "United Nations Educational, Scientific and Cultural Organization",
        "acronym": "UNESCO",
        "kind": Organization.Kind.UN_BODY,
        "website": "https://www.unesco.org/",
        "logo": ("UNESCO", "#0a6ebd"),
    },
    {
        "slug": "ohchr",
        "name_ko": "유엔인권최고대표사무소",
        "name_en": "UN Human Rights (Office of the High Commissioner)",
        "acronym": "OHCHR",
        "kind": Organization.Kind.UN_BODY,
        "website": "https://www.ohchr.org/",
        "logo": ("OHCHR", "#2a7ab8"),
    },
    {
        "slug": "uclg-csipdhr",
        "name_ko": "세계지방정부연합 사회통합·참여민주주의·인권위원회",
        "name_en": "UCLG Committee on Social Inclusion, Participatory Democracy and Human Rights",
        "acronym": "UCLG-CSIPDHR",
        "kind": Organization.Kind.CITY_NETWORK,
        "website": "https://www.uclg-cisdp.org/",
        "logo": ("UCLG-CSIPDHR", "#c2410c"),
    },
    {
        "slug": "rwi",
        "name_ko": "라울 발렌베리 인권·인도법 연구소",
        "name_en": "Raoul Wallenberg Institute of Human Rights and Humanitarian Law",
        "acronym": "RWI",
        "kind": Organization.Kind.ACADEMIC,
        "website": "https://rwi.lu.se/",
        "logo": ("RWI", "#7a1f3d"),
    },
    {
        "slug": "gic",
        "name_ko": "광주국제교류센터",
        "name_en": "Gwangju International Center",
        "acronym": "GIC",
        "kind": Organization.Kind.NGO,
        "website": "https://www.gic.or.kr/",
        "logo": ("GIC", "#2f855a"),
    },
    {
        "slug": "koica",
        "name_ko": "한국국제협력단",
        "name_en": "Korea International Cooperation Agency",
        "acronym": "KOICA",
        "kind": Organization.Kind.GOVERNMENT,
        "website": "https://www.koica.go.kr/",
        "logo": ("KOICA", "#00589b"),
    },
    {
        "slug": "nhrck",
        "name_ko": "국가인권위원회",
        "name_en": "National Human Rights Commission of Korea",
        "acronym": "NHRCK",
        "kind": Organization.Kind.GOVERNMENT,
        "website": "https://www.humanrights.go.kr/",
        "logo": ("NHRCK", "#4c3b8f"),
    },
    {
        "slug": "may18-foundation",
        "name_ko": "5·18기념재단",
        "name_en": "The May 18 Memorial Foundation",
        "acronym": "",
        "kind": Organization.Kind.NGO,
        "website": "https://www.518.org/",
        "logo": ("MAY 18", "#a61e22"),
    },
]

# Editions ---------------------------------------------------------------------------------------------------

KDJ_CENTER = {"venue_ko": "김대중컨벤션센터", "venue_en": "Kim Dae-jung Convention Center"}

# Facts the sources do not give stay empty rather than guessed.
EDITION_DEFAULTS = {
    **KDJ_CENTER,
    "format": Edition.Format.IN_PERSON,
    "participants": None,
    "cities": None,
    "countries": None,
    "program_count": None,
    "is_published": True,
}

EDITIONS = [
    {
        "number": 7,
        "year": 2017,
        "theme_ko": "우리는 평화롭게 살고 있는가? 인권도시, 민주주의 그리고 실천",
        "theme_en": "Do We Live in Peace? Human Rights Cities, Democracy and Practice",
        "summary_ko": (
            "제7회 포럼은 평화를 일상의 권리로 바라보며 인권도시가 민주주의를 어떻게 지키고 넓혀 갈 수 "
            "있는지 물었습니다. 국내외 도시와 시민사회가 한자리에 모여 현장의 실천 사례를 나눴습니다."
        ),
        "summary_en": (
            "The 7th Forum treated peace as an everyday right and asked how human rights cities can protect and "
            "deepen democracy. Cities and civil society groups from Korea and abroad compared what works on the "
            "ground."
        ),
        "starts_on": date(2017, 9, 14),
        "ends_on": date(2017, 9, 17),
        "poster_alt_ko": "제7회 세계인권도시포럼 포스터: 평화와 민주주의를 묻는 주제 문구",
        "poster_alt_en": "Poster of the 7th World Human Rights Cities Forum with its theme on peace and democracy",
    },
    {
        "number": 8,
        "year": 2018,
        "theme_ko": "우리는 누구와 함께 살아가는가? 다양성, 포용성, 그리고 평화",
        "theme_en": "Whom Do We Live With? Diversity, Inclusiveness, and Peace",
        "summary_ko": (
            "제8회 포럼은 이주민, 난민, 장애인, 성소수자 등 다양한 이웃과 함께 사는 도시의 조건을 살폈습니다. "
            "차이를 존중하는 포용 정책이 어떻게 지역의 평화로 이어지는지 여러 도시의 경험을 견주어 보았습니다."
        ),
        "summary_en": (
            "The 8th Forum looked at what makes a city a good home for all its neighbours, including migrants, "
            "refugees, people with disabilities and LGBTI residents. Cities compared how inclusive local policies "
            "turn into lasting peace."
        ),
        "starts_on": date(2018, 10, 18),
        "ends_on": date(2018, 10, 21),
        "poster_alt_ko": "제8회 세계인권도시포럼 포스터: 다양성과 포용을 말하는 주제 문구",
        "poster_alt_en": "Poster of the 8th World Human Rights Cities Forum with its theme on diversity and inclusion",
    },
    {
        "number": 9,
        "year": 2019,
        "theme_ko": "지방정부와 인권: 인권도시를 다시 상상하다",
        "theme_en": "Local Governments and Human Rights: Reimagining Human Rights Cities",
        "summary_ko": (
            "제9회 포럼은 인권 보장의 최전선에 선 지방정부의 역할을 새롭게 그려 보는 자리였습니다. "
            "39개국 98개 도시에서 약 2,000명이 참가해 48개 프로그램에서 의견을 나눴습니다."
        ),
        "summary_en": (
            "The 9th Forum set out to rethink the part local governments play on the front line of human rights "
            "protection. Around 2,000 participants from 98 cities in 39 countries took part in 48 programmes."
        ),
        "starts_on": date(2019, 9, 30),
        "ends_on": date(2019, 10, 3),
        "participants": 2000,
        "cities": 98,
        "countries": 39,
        "program_count": 48,
        "poster_alt_ko": "제9회 세계인권도시포럼 포스터: 지방정부와 인권을 다룬 주제 문구",
        "poster_alt_en": "Poster of the 9th World Human Rights Cities Forum on local governments and human rights",
    },
    {
        "number": 10,
        "year": 2020,
        "theme_ko": "인권도시의 미래: 지역의 기억과 세계적 공유",
        "theme_en": "The Future of Human Rights Cities: Local Memories and Global Sharing",
        "summary_ko": (
            "코로나19 대유행 속에 처음 온라인으로 열린 제10회 포럼은 유엔인권최고대표사무소와 유네스코가 처음으로 "
            "공동 주최한 포럼이기도 합니다. 5·18민주화운동 40주년을 맞아 국가폭력의 기억을 도시의 인권 자산으로 "
            "삼는 길을 찾았고, 76개국 253개 도시에서 약 2,780명이 함께했습니다."
        ),
        "summary_en": (
            "Held online for the first time because of the COVID-19 pandemic, the 10th Forum was also the first "
            "co-hosted by OHCHR and UNESCO. On the 40th anniversary of the May 18 Democratic Uprising it explored "
            "how memories of state violence can become a city's human rights asset, with some 2,780 participants "
            "from 253 cities in 76 countries."
        ),
        "starts_on": date(2020, 10, 7),
        "ends_on": date(2020, 10, 10),
        "venue_ko": "온라인",
        "venue_en": "Online",
        "format": Edition.Format.ONLINE,
        "participants": 2780,
        "cities": 253,
        "countries": 76,
        "program_count": 35,
        "poster_alt_ko": "제10회 세계인권도시포럼 온라인 개최 포스터",
        "poster_alt_en": "Poster announcing the online 10th World Human Rights Cities Forum",
    },
    {
        "number": 11,
        "year": 2021,
        "theme_ko": "도전의 시대, 인권: 새로운 사회계약",
        "theme_en": "Human Rights in Times of Challenge: A New Social Contract",
        "summary_ko": (
            "제11회 포럼은 현장과 온라인을 잇는 하이브리드 방식으로 10월 6일 사전회의부터 10일까지 이어졌습니다. "
            "팬데믹과 기후위기로 흔들리는 시대에 인권과 평등에 기반한 새로운 사회계약을 주제로 51개 세션이 "
            "열렸습니다."
        ),
        "summary_en": (
            "The 11th Forum ran in hybrid form, in the hall and online, from the pre-forum on 6 October to the "
            "close on 10 October. Its 51 sessions asked what a new social contract grounded in human rights and "
            "equality could look like in an era shaken by the pandemic and the climate crisis."
        ),
        "starts_on": date(2021, 10, 6),
        "ends_on": date(2021, 10, 10),
        "format": Edition.Format.HYBRID,
        "participants": 3000,
        "cities": 322,
        "countries": 76,
        "program_count": 51,
        "poster_alt_ko": "제11회 세계인권도시포럼 포스터: 새로운 사회계약을 말하는 주제 문구",
        "poster_alt_en": "Poster of the 11th World Human Rights Cities Forum on a new social contract",
    },
    {
        "number": 12,
        "year": 2022,
        "theme_ko": "기후위기와 인권",
        "theme_en": "Climate Crisis and Human Rights",
        "summary_ko": (
            "제12회 포럼은 팬데믹 기간을 지나 다시 온전한 대면 행사로 돌아왔습니다. 기후위기가 가장 취약한 "
            "사람들의 권리부터 위협한다는 문제의식 아래 320명의 연사가 38개 프로그램에서 도시의 대응을 "
            "논의했습니다."
        ),
        "summary_en": (
            "The 12th Forum returned to a fully in-person format after the pandemic years. Starting from the fact "
            "that the climate crisis threatens the rights of the most vulnerable first, 320 speakers discussed "
            "how cities should respond across 38 programmes."
        ),
        "starts_on": date(2022, 10, 10),
        "ends_on": date(2022, 10, 13),
        "participants": 1800,
        "program_count": 38,
        "poster_alt_ko": "제12회 세계인권도시포럼 포스터: 기후위기와 인권",
        "poster_alt_en": "Poster of the 12th World Human Rights Cities Forum: Climate Crisis and Human Rights",
    },
    {
        "number": 13,
        "year": 2023,
        "theme_ko": "빈곤과 불평등에 대응하는 인권도시",
        "theme_en": "Human Rights Cities Responding to Poverty and Inequalities",
        "summary_ko": (
            "제13회 포럼은 빈곤과 불평등을 인권의 문제로 다루며 지방정부가 할 수 있는 일을 찾았습니다. "
            "63개국 168개 도시에서 2,000명 넘는 참가자가 32개 프로그램에 참여했습니다."
        ),
        "summary_en": (
            "The 13th Forum framed poverty and inequality as human rights issues and looked for what local "
            "governments can do about them. More than 2,000 participants from 168 cities in 63 countries joined "
            "its 32 programmes."
        ),
        "starts_on": date(2023, 10, 4),
        "ends_on": date(2023, 10, 7),
        "participants": 2000,
        "cities": 168,
        "countries": 63,
        "program_count": 32,
        "poster_alt_ko": "제13회 세계인권도시포럼 포스터: 빈곤과 불평등에 대응하는 인권도시",
        "poster_alt_en": "Poster of the 13th World Human Rights Cities Forum on poverty and inequalities",
    },
    {
        "number": 14,
        "year": 2024,
        "theme_ko": "시민공간과 인권도시",
        "theme_en": "Civic Space and Human Rights Cities",
        "summary_ko": (
            "제14회 포럼은 시민이 자유롭게 모이고 말하고 참여할 수 있는 시민공간을 주제로 이틀 동안 열렸습니다. "
            "6개 분야 20개 프로그램에서 시민공간이 좁아지는 흐름에 도시가 어떻게 맞설 수 있는지 논의했습니다."
        ),
        "summary_en": (
            "The 14th Forum spent two days on civic space: the freedom of people to gather, speak out and take "
            "part in public life. Its 20 programmes in six fields examined how cities can push back when that "
            "space starts to shrink."
        ),
        "starts_on": date(2024, 10, 10),
        "ends_on": date(2024, 10, 11),
        "participants": 600,
        "program_count": 20,
        "poster_alt_ko": "제14회 세계인권도시포럼 포스터: 시민공간과 인권도시",
        "poster_alt_en": "Poster of the 14th World Human Rights Cities Forum: Civic Space and Human Rights Cities",
    },
]

# Who took part in which editions, in display order: (organization slug, role, first edition, last edition).
HOST, CO_HOST = EditionPartner.Role.HOST, EditionPartner.Role.CO_HOST
CO_ORGANIZER, PARTNER = EditionPartner.Role.CO_ORGANIZER, EditionPartner.Role.PARTNER
PARTNERS = [
    ("gwangju", HOST, 7, 14),
    ("unesco", CO_HOST, 10, 14),
    ("ohchr", CO_HOST, 10, 14),
    ("uclg-csipdhr", CO_HOST, 11, 14),
    ("rwi", CO_ORGANIZER, 11, 14),
    ("nhrck", CO_ORGANIZER, 7, 14),
    ("koica", CO_ORGANIZER, 9, 9),
    ("gic", CO_ORGANIZER, 7, 14),
    ("uclg-csipdhr", PARTNER, 7, 10),
    ("rwi", PARTNER, 9, 10),
    ("koica", PARTNER, 10, 13),
    ("may18-foundation", PARTNER, 7, 14),
]

# Sessions ---------------------------------------------------------------------------------------------------

ROOMS = {
    "online-1": {"room_ko": "온라인 1관", "room_en": "Online Room 1"},
    "online-2": {"room_ko": "온라인 2관", "room_en": "Online Room 2"},
    "online-3": {"room_ko": "온라인 3관", "room_en": "Online Room 3"},
    "convention-hall": {"room_ko": "컨벤션홀", "room_en": "Convention Hall"},
    "multipurpose-hall": {"room_ko": "다목적홀", "room_en": "Multipurpose Hall"},
    "201": {"room_ko": "회의실 201", "room_en": "Room 201"},
    "204": {"room_ko": "회의실 204", "room_en": "Room 204"},
    "207": {"room_ko": "회의실 207", "room_en": "Room 207"},
}

TRACKS = {
    "official": {"field_ko": "공식행사", "field_en": "Official events"},
    "memory": {"field_ko": "기억과 연대", "field_en": "Memory and solidarity"},
    "inclusion": {"field_ko": "포용과 평등", "field_en": "Inclusion and equality"},
    "un": {"field_ko": "지방정부와 유엔", "field_en": "Local government and the UN"},
    "social-contract": {"field_ko": "새로운 사회계약", "field_en": "A new social contract"},
    "education": {"field_ko": "인권교육", "field_en": "Human rights education"},
    "network": {"field_ko": "인권도시 네트워크", "field_en": "Human rights city networks"},
    "civic-space": {"field_ko": "시민공간", "field_en": "Civic space"},
    "youth": {"field_ko": "청년", "field_en": "Youth"},
    "culture": {"field_ko": "문화", "field_en": "Culture"},
}

# Speakers are described by their office, not named: the demo must not put words in real people's mouths.
# Each is (name_ko, name_en, affiliation_ko, affiliation_en, role); the people below recur with varying roles.
MODERATOR, SPEAKER, DISCUSSANT = Speaker.Role.MODERATOR, Speaker.Role.SPEAKER, Speaker.Role.DISCUSSANT
MAYOR_OF_GWANGJU = ("광주광역시장", "Mayor of Gwangju", "광주광역시", "Gwangju Metropolitan City")
OHCHR_REPRESENTATIVE = (
    "유엔인권최고대표사무소 대표",
    "Representative of UN Human Rights",
    "유엔인권최고대표사무소",
    "OHCHR",
)
UNESCO_REPRESENTATIVE = (
    "유네스코 사회·인문과학 부문 대표",
    "Representative of the UNESCO Social and Human Sciences Sector",
    "유네스코",
    "UNESCO",
)
GIC_DIRECTOR = (
    "광주국제교류센터 소장",
    "Director of the Gwangju International Center",
    "광주국제교류센터",
    "Gwangju International Center",
)
RWI_RESEARCHER = (
    "라울 발렌베리 연구소 선임연구원",
    "Senior Researcher, Raoul Wallenberg Institute",
    "라울 발렌베리 인권·인도법 연구소",
    "Raoul Wallenberg Institute",
)
UCLG_COORDINATOR = (
    "UCLG 사회통합·참여민주주의·인권위원회 사무국장",
    "Coordinator of the UCLG Committee on Social Inclusion, Participatory Democracy and Human Rights",
    "세계지방정부연합",
    "United Cities and Local Governments",
)

SESSIONS = {
    10: [
        {
            "ref": "10-opening",
            "kind": Session.Kind.OPENING,
            **TRACKS["official"],
            "title_ko": "개막식",
            "title_en": "Opening Ceremony",
            "summary_ko": "온라인으로 처음 여는 포럼의 시작을 알리고, 공동 주최 기관들이 환영 인사를 전합니다.",
            "summary_en": "The first online edition of the forum opens with welcome messages from its co-hosts.",
            "starts_at": at("2020-10-07 10:00"),
            "ends_at": at("2020-10-07 11:00"),
            **ROOMS["online-1"],
            "organizers": ["gwangju"],
            "speakers": [
                (*MAYOR_OF_GWANGJU, SPEAKER),
                (*OHCHR_REPRESENTATIVE, SPEAKER),
                (*UNESCO_REPRESENTATIVE, SPEAKER),
            ],
        },
        {
            "ref": "10-plenary",
            "kind": Session.Kind.PLENARY,
            **TRACKS["memory"],
            "title_ko": "전체회의: 인권도시의 미래, 지역의 기억과 세계적 공유",
            "title_en": "Plenary: The Future of Human Rights Cities, Local Memories and Global Sharing",
            "summary_ko": (
                "도시가 간직한 역사와 기억을 시민이 안전하게 소속감을 느끼는 인권도시의 토대로 삼는 방법을 "
                "여러 도시의 시장들이 함께 이야기합니다."
            ),
            "summary_en": (
                "Mayors discuss how a city's history and memories can become the foundation of a human rights "
                "city where residents feel safe and at home."
            ),
            "starts_at": at("2020-10-07 14:00"),
            "ends_at": at("2020-10-07 16:00"),
            **ROOMS["online-1"],
            "organizers": ["gwangju", "uclg-csipdhr"],
            "speakers": [
                (*RWI_RESEARCHER, MODERATOR),
                ("뉘른베르크 시장", "Mayor of Nuremberg", "독일 뉘른베르크시", "City of Nuremberg, Germany", SPEAKER),
                ("아리아나 시장", "Mayor of Ariana", "튀니지 아리아나시", "City of Ariana, Tunisia", SPEAKER),
                ("보고르 시장", "Mayor of Bogor", "인도네시아 보고르시", "City of Bogor, Indonesia", SPEAKER),
            ],
        },
        {
            "ref": "10-special-memory",
            "kind": Session.Kind.SPECIAL,
            **TRACKS["memory"],
            "title_ko": "특별회의: 국가폭력의 기억과 인권도시",
            "title_en": "Special Session: Memories of State Violence and Human Rights Cities",
            "summary_ko": (
                "5·18민주화운동 40주년을 맞아 국가폭력을 겪은 도시들이 진상 규명과 기억의 계승, 치유의 경험을 "
                "나눕니다."
            ),
            "summary_en": (
                "On the 40th anniversary of the May 18 Democratic Uprising, cities that lived through state "
                "violence share how they have sought the truth, kept memory alive and healed."
            ),
            "starts_at": at("2020-10-08 10:00"),
            "ends_at": at("2020-10-08 12:00"),
            **ROOMS["online-1"],
            "organizers": ["may18-foundation", "gwangju"],
            "speakers": [
                (
                    "5·18기념재단 연구실장",
                    "Head of Research, May 18 Memorial Foundation",
                    "5·18기념재단",
                    "The May 18 Memorial Foundation",
                    MODERATOR,
                ),
                (
                    "보고타 시 인권 담당 국장",
                    "Director of Human Rights, City of Bogotá",
                    "콜롬비아 보고타시",
                    "City of Bogotá, Colombia",
                    SPEAKER,
                ),
                (
                    "과거사 연구자",
                    "Historian of transitional justice",
                    "아르헨티나 기억 연구 단체",
                    "Memory research group, Argentina",
                    SPEAKER,
                ),
                (
                    "국가인권위원회 위원",
                    "Commissioner, National Human Rights Commission of Korea",
                    "국가인권위원회",
                    "National Human Rights Commission of Korea",
                    DISCUSSANT,
                ),
            ],
        },
        {
            "ref": "10-thematic-pandemic",
            "kind": Session.Kind.THEMATIC,
            **TRACKS["inclusion"],
            "title_ko": "주제회의: 감염병 위기와 지방정부의 인권 대응",
            "title_en": "Thematic Session: The Pandemic and Local Human Rights Responses",
            "summary_ko": (
                "방역과 인권이 부딪히는 지점에서 도시들이 취약 계층을 보호하고 차별을 막기 위해 무엇을 했는지 "
                "살펴봅니다."
            ),
            "summary_en": (
                "Where public health measures and rights collide: what cities did to protect vulnerable residents "
                "and prevent discrimination during the pandemic."
            ),
            "starts_at": at("2020-10-08 14:00"),
            "ends_at": at("2020-10-08 16:00"),
            **ROOMS["online-2"],
            "organizers": ["uclg-csipdhr"],
            "speakers": [
                (*UCLG_COORDINATOR, SPEAKER),
                (
                    "바르셀로나 시 인권 담당관",
                    "Human Rights Officer, City of Barcelona",
                    "스페인 바르셀로나시",
                    "City of Barcelona, Spain",
                    SPEAKER,
                ),
                (
                    "공중보건 연구자",
                    "Public health researcher",
                    "전남대학교",
                    "Chonnam National University",
                    DISCUSSANT,
                ),
            ],
        },
        {
            "ref": "10-thematic-inclusion",
            "kind": Session.Kind.THEMATIC,
            **TRACKS["inclusion"],
            "title_ko": "주제회의: 차별 없는 포용도시",
            "title_en": "Thematic Session: Inclusive Cities Free from Discrimination",
            "summary_ko": "혐오와 차별에 맞서는 도시 간 협력과 지역 차원의 차별 금지 정책을 논의합니다.",
            "summary_en": (
                "How cities work together against hate and discrimination, and "
                "what local anti-discrimination policy looks like."
            ),
            "starts_at": at("2020-10-09 10:00"),
            "ends_at": at("2020-10-09 12:00"),
            **ROOMS["online-2"],
            "organizers": ["unesco"],
            "speakers": [
                (*UNESCO_REPRESENTATIVE, MODERATOR),
                (
                    "몬트리올 시 다양성 정책 담당관",
                    "Diversity Policy Officer, City of Montréal",
                    "캐나다 몬트리올시",
                    "City of Montréal, Canada",
                    SPEAKER,
                ),
                (
                    "이주민 지원 활동가",
                    "Migrant support worker",
                    "광주 이주민 지원 단체",
                    "Migrant support group, Gwangju",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "10-special-un",
            "kind": Session.Kind.SPECIAL,
            **TRACKS["un"],
            "title_ko": "특별회의: 지방정부와 유엔 인권 체계",
            "title_en": "Special Session: Local Governments and the UN Human Rights System",
            "summary_ko": "지방정부가 유엔 인권 메커니즘에 참여하고 그 권고를 지역 정책으로 옮기는 방법을 찾습니다.",
            "summary_en": (
                "How local governments can take part in the UN human rights mechanisms and turn their "
                "recommendations into local policy."
            ),
            "starts_at": at("2020-10-09 14:00"),
            "ends_at": at("2020-10-09 16:00"),
            **ROOMS["online-1"],
            "organizers": ["ohchr"],
            "speakers": [
                (*OHCHR_REPRESENTATIVE, MODERATOR),
                (
                    "빈 시 인권사무소장",
                    "Head of the Human Rights Office, City of Vienna",
                    "오스트리아 빈시",
                    "City of Vienna, Austria",
                    SPEAKER,
                ),
                (
                    "국가인권위원회 정책 담당관",
                    "Policy Officer, National Human Rights Commission of Korea",
                    "국가인권위원회",
                    "National Human Rights Commission of Korea",
                    DISCUSSANT,
                ),
            ],
        },
        {
            "ref": "10-youth",
            "kind": Session.Kind.YOUTH,
            **TRACKS["youth"],
            "title_ko": "청년 토크: 우리가 바라는 인권도시",
            "title_en": "Youth Talk: The Human Rights City We Want",
            "summary_ko": "여러 나라 청년들이 기후, 일자리, 주거 문제를 인권의 눈으로 이야기합니다.",
            "summary_en": (
                "Young people from several countries look at climate, jobs and housing through a human rights lens."
            ),
            "starts_at": at("2020-10-09 16:30"),
            "ends_at": at("2020-10-09 18:00"),
            **ROOMS["online-3"],
            "organizers": ["gic"],
            "speakers": [
                (*GIC_DIRECTOR, MODERATOR),
                (
                    "청년 인권활동가",
                    "Youth human rights activist",
                    "광주 청년 인권 서포터즈",
                    "Gwangju youth human rights supporters",
                    SPEAKER,
                ),
                ("대학생 패널", "University student panellist", "필리핀 세부", "Cebu, Philippines", SPEAKER),
            ],
        },
        {
            "ref": "10-concert",
            "kind": Session.Kind.CULTURAL,
            **TRACKS["culture"],
            "title_ko": "온라인 인권 음악회",
            "title_en": "Online Human Rights Concert",
            "summary_ko": "광주 시민 음악가들이 5월의 노래와 세계 각지의 연대의 노래를 들려줍니다.",
            "summary_en": (
                "Musicians from Gwangju perform songs of May 1980 and songs of solidarity from around the world."
            ),
            "starts_at": at("2020-10-09 19:30"),
            "ends_at": at("2020-10-09 20:30"),
            **ROOMS["online-1"],
            "organizers": ["gwangju"],
            "speakers": [("광주 시민 합창단", "Gwangju citizens' choir", "광주", "Gwangju", SPEAKER)],
        },
        {
            "ref": "10-closing",
            "kind": Session.Kind.CLOSING,
            **TRACKS["official"],
            "title_ko": "폐막식 및 광주선언문 발표",
            "title_en": "Closing Ceremony and the Gwangju Declaration",
            "summary_ko": "나흘간의 논의를 정리하고 제10회 포럼의 광주선언문을 발표합니다.",
            "summary_en": (
                "The forum sums up four days of debate and presents the Gwangju Declaration of the 10th Forum."
            ),
            "starts_at": at("2020-10-10 15:00"),
            "ends_at": at("2020-10-10 16:30"),
            **ROOMS["online-1"],
            "organizers": ["gwangju", "ohchr", "unesco"],
            "speakers": [(*GIC_DIRECTOR, MODERATOR), (*MAYOR_OF_GWANGJU, SPEAKER)],
        },
    ],
    11: [
        {
            "ref": "11-pre-education",
            "kind": Session.Kind.PRE_FORUM,
            **TRACKS["education"],
            "title_ko": "사전회의: 지방정부 공무원을 위한 인권교육",
            "title_en": "Pre-forum: Human Rights Education for Local Government Officials",
            "summary_ko": "온라인 학습과 대면 토론을 결합한 인권교육 과정의 경험을 공유합니다.",
            "summary_en": "Lessons from a blended course that combines online learning with face-to-face discussion.",
            "starts_at": at("2021-10-06 14:00"),
            "ends_at": at("2021-10-06 16:00"),
            **ROOMS["204"],
            "organizers": ["rwi", "gwangju"],
            "speakers": [
                (*RWI_RESEARCHER, MODERATOR),
                (
                    "광주광역시 인권교육 담당 주무관",
                    "Human rights education officer, Gwangju Metropolitan City",
                    "광주광역시",
                    "Gwangju Metropolitan City",
                    SPEAKER,
                ),
                (
                    "인권교육 강사",
                    "Human rights trainer",
                    "광주 인권교육 네트워크",
                    "Gwangju human rights education network",
                    DISCUSSANT,
                ),
            ],
        },
        {
            "ref": "11-pre-network",
            "kind": Session.Kind.PRE_FORUM,
            **TRACKS["network"],
            "title_ko": "사전회의: 인권도시 네트워크 회의",
            "title_en": "Pre-forum: Human Rights Cities Network Meeting",
            "summary_ko": "세계 인권도시들이 한 해의 활동을 점검하고 공동 사업을 논의합니다.",
            "summary_en": "Human rights cities review the past year's work and discuss joint projects.",
            "starts_at": at("2021-10-06 16:30"),
            "ends_at": at("2021-10-06 18:00"),
            **ROOMS["207"],
            "organizers": ["uclg-csipdhr"],
            "speakers": [
                (*UCLG_COORDINATOR, MODERATOR),
                (
                    "그라츠 시 인권위원회 위원",
                    "Member of the Human Rights Council, City of Graz",
                    "오스트리아 그라츠시",
                    "City of Graz, Austria",
                    SPEAKER,
                ),
                (
                    "광주광역시 인권평화협력관",
                    "Human rights and peace officer, Gwangju Metropolitan City",
                    "광주광역시",
                    "Gwangju Metropolitan City",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "11-opening",
            "kind": Session.Kind.OPENING,
            **TRACKS["official"],
            "title_ko": "개막식",
            "title_en": "Opening Ceremony",
            "summary_ko": (
                "현장과 온라인을 연결해 제11회 포럼의 문을 엽니다. 공동 주최 기관들의 축하 영상이 이어집니다."
            ),
            "summary_en": "The 11th Forum opens in the hall and online, followed by video messages from its co-hosts.",
            "starts_at": at("2021-10-07 10:00"),
            "ends_at": at("2021-10-07 11:00"),
            **ROOMS["convention-hall"],
            "organizers": ["gwangju"],
            "speakers": [
                (*MAYOR_OF_GWANGJU, SPEAKER),
                (*OHCHR_REPRESENTATIVE, SPEAKER),
                (*UNESCO_REPRESENTATIVE, SPEAKER),
                (*UCLG_COORDINATOR, SPEAKER),
            ],
        },
        {
            "ref": "11-plenary",
            "kind": Session.Kind.PLENARY,
            **TRACKS["social-contract"],
            "title_ko": "전체회의: 도전의 시대, 인권에 기반한 새로운 사회계약",
            "title_en": "Plenary: A New Social Contract Grounded in Human Rights",
            "summary_ko": (
                "팬데믹이 드러낸 불평등을 넘어 서로를 돌보는 사회를 만들기 위해 도시와 시민이 맺어야 할 약속을 "
                "논의합니다."
            ),
            "summary_en": (
                "What cities and citizens must promise each other to build a caring society beyond the "
                "inequalities the pandemic laid bare."
            ),
            "starts_at": at("2021-10-07 14:00"),
            "ends_at": at("2021-10-07 16:00"),
            **ROOMS["convention-hall"],
            "organizers": ["gwangju", "ohchr", "unesco"],
            "speakers": [
                (*RWI_RESEARCHER, MODERATOR),
                (
                    "멕시코시티 인권위원회 대표",
                    "Representative, Human Rights Commission of Mexico City",
                    "멕시코시티 인권위원회",
                    "Human Rights Commission of Mexico City",
                    SPEAKER,
                ),
                (
                    "그르노블 부시장",
                    "Deputy Mayor of Grenoble",
                    "프랑스 그르노블시",
                    "City of Grenoble, France",
                    SPEAKER,
                ),
                ("사회정책 연구자", "Social policy researcher", "서울대학교", "Seoul National University", DISCUSSANT),
            ],
        },
        {
            "ref": "11-concert",
            "kind": Session.Kind.CULTURAL,
            **TRACKS["culture"],
            "title_ko": "개막 음악회",
            "title_en": "Opening Concert",
            "summary_ko": "타악 연주와 시민 합창이 어우러지는 저녁 공연으로 포럼의 첫날을 마무리합니다.",
            "summary_en": "Percussion and a community choir close the first day of the forum.",
            "starts_at": at("2021-10-07 19:00"),
            "ends_at": at("2021-10-07 20:00"),
            **ROOMS["multipurpose-hall"],
            "organizers": ["gic"],
            "speakers": [
                ("시민 타악 연주단", "Community percussion ensemble", "광주", "Gwangju", SPEAKER),
                (
                    "광주국제교류센터 합창단",
                    "Gwangju International Center choir",
                    "광주국제교류센터",
                    "Gwangju International Center",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "11-special-rights-economy",
            "kind": Session.Kind.SPECIAL,
            **TRACKS["social-contract"],
            "title_ko": "특별회의: 인권경제",
            "title_en": "Special Session: A Rights-Based Economy",
            "summary_ko": "경제 회복 정책이 인권 기준을 지킬 때 도시 공동체가 어떻게 달라지는지 살펴봅니다.",
            "summary_en": "How a city's economic recovery changes when it is held to human rights standards.",
            "starts_at": at("2021-10-08 10:00"),
            "ends_at": at("2021-10-08 12:00"),
            **ROOMS["multipurpose-hall"],
            "organizers": ["ohchr"],
            "speakers": [
                (*OHCHR_REPRESENTATIVE, MODERATOR),
                (
                    "사회연대경제 활동가",
                    "Social and solidarity economy practitioner",
                    "광주사회적경제지원센터",
                    "Gwangju Social Economy Support Center",
                    SPEAKER,
                ),
                (
                    "경제학자",
                    "Economist",
                    "라울 발렌베리 인권·인도법 연구소",
                    "Raoul Wallenberg Institute",
                    DISCUSSANT,
                ),
            ],
        },
        {
            "ref": "11-thematic-refugees",
            "kind": Session.Kind.THEMATIC,
            **TRACKS["social-contract"],
            "title_ko": "주제회의: 난민과 이주민을 환대하는 도시",
            "title_en": "Thematic Session: Cities That Welcome Refugees and Migrants",
            "summary_ko": "난민과 이주민이 지역 주민으로 살아갈 수 있도록 돕는 도시의 정책과 과제를 나눕니다.",
            "summary_en": (
                "Policies that help refugees and migrants settle as full residents, and what still stands in the way."
            ),
            "starts_at": at("2021-10-08 14:00"),
            "ends_at": at("2021-10-08 16:00"),
            **ROOMS["201"],
            "organizers": ["gic"],
            "speakers": [
                (*GIC_DIRECTOR, MODERATOR),
                (
                    "난민 지원 활동가",
                    "Refugee support worker",
                    "광주 난민 지원 단체",
                    "Refugee support group, Gwangju",
                    SPEAKER,
                ),
                (
                    "아테네 시 이주민 통합 담당관",
                    "Migrant Integration Officer, City of Athens",
                    "그리스 아테네시",
                    "City of Athens, Greece",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "11-thematic-women",
            "kind": Session.Kind.THEMATIC,
            **TRACKS["social-contract"],
            "title_ko": "주제회의: 여성폭력 없는 안전한 도시",
            "title_en": "Thematic Session: Safe Cities Free from Violence against Women",
            "summary_ko": "여성에 대한 폭력을 예방하고 피해자를 지원하는 지방정부의 역할을 논의합니다.",
            "summary_en": (
                "The part local governments play in preventing violence against women and supporting survivors."
            ),
            "starts_at": at("2021-10-08 14:00"),
            "ends_at": at("2021-10-08 16:00"),
            **ROOMS["204"],
            "organizers": ["gwangju", "nhrck"],
            "speakers": [
                (
                    "여성인권 연구자",
                    "Women's rights researcher",
                    "전남대학교",
                    "Chonnam National University",
                    MODERATOR,
                ),
                (
                    "여성인권 활동가",
                    "Women's rights advocate",
                    "지역 여성인권 단체",
                    "Local women's rights organisation",
                    SPEAKER,
                ),
                (
                    "케손시티 젠더 정책 담당관",
                    "Gender Policy Officer, Quezon City",
                    "필리핀 케손시티",
                    "Quezon City, Philippines",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "11-thematic-food",
            "kind": Session.Kind.THEMATIC,
            **TRACKS["social-contract"],
            "title_ko": "주제회의: 먹거리 권리와 지역 공동체",
            "title_en": "Thematic Session: The Right to Food and Local Communities",
            "summary_ko": "누구도 굶지 않는 도시를 위해 공공 급식과 지역 먹거리 체계를 어떻게 바꿀지 이야기합니다.",
            "summary_en": "How public meals and local food systems can change so that no one in the city goes hungry.",
            "starts_at": at("2021-10-09 10:00"),
            "ends_at": at("2021-10-09 12:00"),
            **ROOMS["207"],
            "organizers": ["koica"],
            "speakers": [
                (
                    "먹거리 정책 연구자",
                    "Food policy researcher",
                    "지역 먹거리 연대",
                    "Local food justice network",
                    MODERATOR,
                ),
                (
                    "KOICA 사업 담당관",
                    "Programme Officer, KOICA",
                    "한국국제협력단",
                    "Korea International Cooperation Agency",
                    SPEAKER,
                ),
                (
                    "벨루오리존치 시 식량안보 담당관",
                    "Food Security Officer, Belo Horizonte",
                    "브라질 벨루오리존치시",
                    "City of Belo Horizonte, Brazil",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "11-youth",
            "kind": Session.Kind.YOUTH,
            **TRACKS["youth"],
            "title_ko": "청년 토크: 청년이 만드는 인권도시",
            "title_en": "Youth Talk: Young People Shaping Human Rights Cities",
            "summary_ko": "청년들이 도시 정책에 목소리를 내고 참여하는 방법을 유네스코와 함께 찾아봅니다.",
            "summary_en": "With UNESCO, young people explore ways to make their voices count in city policy.",
            "starts_at": at("2021-10-09 14:00"),
            "ends_at": at("2021-10-09 15:30"),
            **ROOMS["multipurpose-hall"],
            "organizers": ["unesco", "gic"],
            "speakers": [
                (*UNESCO_REPRESENTATIVE, MODERATOR),
                (
                    "청년 인권 서포터즈 대표",
                    "Youth human rights supporter",
                    "광주 청년 인권 서포터즈",
                    "Gwangju youth human rights supporters",
                    SPEAKER,
                ),
                (
                    "청년 통역 자원활동가",
                    "Youth interpreter volunteer",
                    "광주국제교류센터",
                    "Gwangju International Center",
                    SPEAKER,
                ),
            ],
        },
        {
            "ref": "11-closing",
            "kind": Session.Kind.CLOSING,
            **TRACKS["official"],
            "title_ko": "폐막식 및 광주선언문 발표",
            "title_en": "Closing Ceremony and the Gwangju Declaration",
            "summary_ko": "세션별 논의 결과를 보고하고 제11회 포럼의 광주선언문 요지를 발표합니다.",
            "summary_en": "Reports from the sessions and a summary of the Gwangju Declaration of the 11th Forum.",
            "starts_at": at("2021-10-10 15:00"),
            "ends_at": at("2021-10-10 16:30"),
            **ROOMS["convention-hall"],
            "organizers": ["gwangju", "unesco", "ohchr", "uclg-csipdhr", "rwi"],
            "speakers": [(*GIC_DIRECTOR, MODERATOR), (*MAYOR_OF_GWANGJU, SPEAKER)],
        },
    ],
    14: [
        {
            "ref": "14-opening",
            "kind": Session.Kind.OPENING,
            **TRACKS["official"],
            "title_ko": "개막식",
            "title_en": "Opening Ceremony",
            "summary_ko": "시민공간을 주제로 한 제14회 포럼의 문을 엽니다.",
            "summary_en": "The 14th Forum, devoted to civic space, opens.",
            "starts_at": at("2024-10-10 10:00"),
            "ends_at": at("2024-10-10 11:00"),
            **ROOMS["convention-hall"],
            "organizers": ["gwangju"],
            "speakers": [(*MAYOR_OF_GWANGJU, SPEAKER), (*OHCHR_REPRESENTATIVE, SPEAKER)],
        },
        {
            "ref": "14-plenary",
            "kind": Session.Kind.PLENARY,
            **TRACKS["civic-space"],
            "title_ko": "전체회의: 좁아지는 시민공간, 도시의 응답",
            "title_en": "Plenary: Shrinking Civic Space and How Cities Respond",
            "summary_ko": "집회와 표현, 참여의 자유가 위축되는 흐름 속에서 지방정부가 지킬 수 있는 것을 논의합니다.",
            "summary_en": (
                "What local governments can protect as freedoms of assembly, "
                "expression and participation come under pressure."
            ),
            "starts_at": at("2024-10-10 14:00"),
            "ends_at": at("2024-10-10 16:00"),
            **ROOMS["convention-hall"],
            "organizers": ["ohchr", "uclg-csipdhr"],
            "speakers": [
                (*RWI_RESEARCHER, MODERATOR),
                (*UCLG_COORDINATOR, SPEAKER),
                (
                    "시민사회 활동가",
                    "Civil society activist",
                    "아시아 시민사회 네트워크",
                    "Asian civil society network",
                    DISCUSSANT,
                ),
            ],
        },
        {
            "ref": "14-thematic-digital",
            "kind": Session.Kind.THEMATIC,
            **TRACKS["civic-space"],
            "title_ko": "주제회의: 디지털 시대의 시민 참여와 표현의 자유",
            "title_en": "Thematic Session: Civic Participation and Free Expression in the Digital Age",
            "summary_ko": "온라인 공간에서의 참여와 표현을 넓히면서도 혐오와 감시에 맞서는 도시의 정책을 살펴봅니다.",
            "summary_en": (
                "City policies that widen participation and expression online "
                "while standing up to hate and surveillance."
            ),
            "starts_at": at("2024-10-11 10:00"),
            "ends_at": at("2024-10-11 12:00"),
            **ROOMS["204"],
            "organizers": ["unesco"],
            "speakers": [
                (*UNESCO_REPRESENTATIVE, MODERATOR),
                ("디지털 권리 연구자", "Digital rights researcher", "고려대학교", "Korea University", SPEAKER),
            ],
        },
        {
            "ref": "14-closing",
            "kind": Session.Kind.CLOSING,
            **TRACKS["official"],
            "title_ko": "폐막식",
            "title_en": "Closing Ceremony",
            "summary_ko": "이틀간의 논의를 정리하고 다음 포럼을 약속합니다.",
            "summary_en": "The forum sums up two days of debate and looks ahead to the next edition.",
            "starts_at": at("2024-10-11 16:00"),
            "ends_at": at("2024-10-11 17:00"),
            **ROOMS["convention-hall"],
            "organizers": ["gwangju"],
            "speakers": [(*GIC_DIRECTOR, MODERATOR), (*MAYOR_OF_GWANGJU, SPEAKER)],
        },
    ],
}

# Categories -------------------------------------------------------------------------------------------------

CATEGORIES = [
    {"slug": "news", "name_ko": "뉴스", "name_en": "News", "order": 1},
    {"slug": "notice", "name_ko": "공지", "name_en": "Notice", "order": 2},
    {"slug": "newsletter", "name_ko": "뉴스레터", "name_en": "Newsletter", "order": 3},
    {"slug": "press-release", "name_ko": "보도자료", "name_en": "Press release", "order": 4},
    {"slug": "letter", "name_ko": "서신", "name_en": "Letter", "order": 5},
]

# Posts ------------------------------------------------------------------------------------------------------

# Spelled out so that a rerun resets them too; a post without English leaves these empty.
POST_DEFAULTS = {
    "status": Post.Status.PUBLISHED,
    "pinned": False,
    "title_en": "",
    "summary_en": "",
    "body_en": "",
    "sessions": (),
    "organizations": (),
}
SCHEDULED_AHEAD = timedelta(days=30)

POSTS = [
    # 7th forum, 2017 ------------------------------------------------------------------------------------
    {
        "slug": "7th-forum-registration-open",
        "category": "notice",
        "edition": 7,
        "published_at": at("2017-07-20 10:00"),
        "view_count": 842,
        "title_ko": "제7회 세계인권도시포럼 참가 신청 안내",
        "title_en": "Registration now open for the 7th World Human Rights Cities Forum",
        "summary_ko": (
            "9월 14일부터 17일까지 김대중컨벤션센터에서 열리는 제7회 포럼의 참가 신청을 받습니다. "
            "참가비는 없으며 8월 31일까지 온라인으로 신청할 수 있습니다."
        ),
        "summary_en": (
            "Registration is open for the 7th Forum at the Kim Dae-jung Convention Center, 14–17 September. "
            "Participation is free; sign up online by 31 August."
        ),
        "body_ko": html("""
            <p>제7회 세계인권도시포럼이 9월 14일부터 17일까지 나흘 동안 광주 김대중컨벤션센터에서 열립니다.
            올해 포럼은 "우리는 평화롭게 살고 있는가?"라는 질문에서 출발해 인권도시와 민주주의, 그리고
            현장의 실천을 함께 돌아봅니다.</p>
            <p>참가를 원하시는 분은 8월 31일까지 포럼 누리집에서 신청해 주십시오. 참가비는 없으며,
            신청하신 분께는 확인 메일과 함께 세부 일정을 보내 드립니다.</p>
            <h2>신청 전에 확인해 주세요</h2>
            <ul>
            <li>전체회의에는 한국어와 영어 동시통역이 제공됩니다.</li>
            <li>휠체어 이용, 수어 통역 등 편의 지원이 필요하시면 신청서에 적어 주십시오.</li>
            <li>10명 이상 단체로 참가하시는 경우 사무국에 따로 알려 주십시오.</li>
            </ul>
            <p>궁금한 점은 포럼 사무국으로 문의해 주시기 바랍니다.</p>
        """),
        "body_en": html("""
            <p>The 7th World Human Rights Cities Forum takes place at the Kim Dae-jung Convention Center in
            Gwangju from 14 to 17 September. Starting from the question "Do we live in peace?", this year's
            programme looks at human rights cities, democracy and the practical work that connects them.</p>
            <p>Please register on the forum website by 31 August. Participation is free of charge, and everyone
            who registers will receive a confirmation e-mail with the detailed schedule.</p>
            <h2>Before you register</h2>
            <ul>
            <li>Korean–English simultaneous interpretation is provided in all plenary sessions.</li>
            <li>If you need wheelchair access, sign language interpretation or other support, tell us in the
            form.</li>
            <li>Groups of ten or more are asked to contact the secretariat directly.</li>
            </ul>
            <p>For any questions, please get in touch with the forum secretariat.</p>
        """),
    },
    {
        "slug": "7th-forum-citizen-volunteers",
        "category": "notice",
        "edition": 7,
        "published_at": at("2017-08-10 14:00"),
        "view_count": 391,
        # Korean only: a call for local volunteers was never translated on the old site either.
        "title_ko": "제7회 세계인권도시포럼 시민 자원활동가 모집",
        "summary_ko": (
            "포럼 현장에서 안내와 통역 지원을 함께할 시민 자원활동가를 모집합니다. "
            "인권에 관심 있는 시민이라면 누구나 지원할 수 있습니다."
        ),
        "body_ko": html("""
            <p>제7회 세계인권도시포럼을 함께 만들어 갈 시민 자원활동가를 모집합니다. 자원활동가는 9월 14일부터
            17일까지 김대중컨벤션센터에서 참가자 등록, 회의장 안내, 해외 참가자 통역 지원 등을 맡게 됩니다.</p>
            <h2>모집 개요</h2>
            <ul>
            <li>모집 인원: 40명 안팎</li>
            <li>지원 자격: 만 18세 이상, 인권에 관심 있는 시민 누구나</li>
            <li>우대 사항: 영어 또는 다른 외국어로 소통할 수 있는 분</li>
            </ul>
            <p>선발된 분들은 포럼에 앞서 인권도시와 행사 운영에 관한 사전 교육을 받습니다. 활동을 마친
            분께는 활동 확인서를 발급해 드립니다.</p>
            <p>지원서는 포럼 누리집에서 내려받아 8월 25일까지 사무국 전자우편으로 보내 주십시오.</p>
        """),
    },
    {
        "slug": "7th-forum-opens",
        "category": "press-release",
        "edition": 7,
        "published_at": at("2017-09-14 17:30"),
        "view_count": 1376,
        "title_ko": "제7회 세계인권도시포럼 개막… 평화와 민주주의를 다시 묻다",
        "title_en": "7th World Human Rights Cities Forum opens, asking what peace means for cities",
        "summary_ko": (
            "제7회 세계인권도시포럼이 14일 광주 김대중컨벤션센터에서 나흘 일정으로 막을 올렸다. "
            "국내외 도시 대표와 인권 활동가들이 평화와 민주주의를 지키는 도시의 역할을 논의한다."
        ),
        "summary_en": (
            "The 7th World Human Rights Cities Forum opened on 14 September in Gwangju for four days of debate "
            "on the role cities play in safeguarding peace and democracy."
        ),
        "body_ko": html("""
            <p>광주광역시가 주최하는 제7회 세계인권도시포럼이 14일 김대중컨벤션센터에서 개막했다. 올해 주제는
            "우리는 평화롭게 살고 있는가? 인권도시, 민주주의 그리고 실천"으로, 17일까지 나흘 동안 전체회의와
            주제회의, 시민 참여 행사가 이어진다.</p>
            <p>개막식에서 참가자들은 평화를 단지 전쟁이 없는 상태로 볼 것이 아니라, 누구나 차별과 폭력에서
            벗어나 안전하게 살아갈 수 있는 일상의 조건으로 보아야 한다는 데 뜻을 모았다. 그런 의미에서
            도시는 평화를 가장 가까이에서 만들어 가는 주체라는 점도 강조됐다.</p>
            <p>이번 포럼은 주민참여예산, 인권 조례, 인권교육처럼 도시들이 실제로 운영해 온 제도를 사례
            중심으로 살펴본다. 참가 도시들은 성과뿐 아니라 시행착오도 함께 공유할 예정이다.</p>
            <p>포럼 기간에는 시민 누구나 참여할 수 있는 인권 영화 상영과 전시도 열린다. 자세한 일정은 포럼
            누리집에서 확인할 수 있다.</p>
        """),
        "body_en": html("""
            <p>The 7th World Human Rights Cities Forum, hosted by Gwangju Metropolitan City, opened on
            14 September at the Kim Dae-jung Convention Center. Under the theme "Do We Live in Peace? Human
            Rights Cities, Democracy and Practice", plenary and thematic sessions and events for citizens run
            until 17 September.</p>
            <p>At the opening, participants agreed that peace means more than the absence of war: it is the
            everyday condition of living safely, free from discrimination and violence. Seen that way, cities
            are the actors closest to where peace is made.</p>
            <p>The forum takes a case-based look at tools cities already use, such as participatory budgeting,
            local human rights ordinances and human rights education. Participating cities will share their
            setbacks as well as their successes.</p>
            <p>Human rights film screenings and an exhibition open to everyone run alongside the programme. The
            full schedule is on the forum website.</p>
        """),
    },
    {
        "slug": "7th-forum-closes",
        "category": "news",
        "edition": 7,
        "published_at": at("2017-09-18 11:00"),
        "view_count": 1108,
        "title_ko": '제7회 세계인권도시포럼 폐막, "평화는 일상의 권리"',
        "title_en": "7th Forum closes: peace as an everyday right",
        "summary_ko": (
            "나흘간의 제7회 세계인권도시포럼이 17일 막을 내렸다. 참가자들은 평화와 민주주의를 도시 정책의 "
            "언어로 옮기는 방안을 정리했다."
        ),
        "summary_en": (
            "The 7th World Human Rights Cities Forum ended on 17 September. Participants worked out how to turn "
            "peace and democracy into the everyday language of city policy."
        ),
        "body_ko": html("""
            <p>제7회 세계인권도시포럼이 17일 폐막식을 끝으로 나흘 일정을 마무리했다. 국내외 도시 공무원과
            인권 활동가, 연구자 등 수백 명이 참가해 평화와 민주주의를 지키는 도시의 역할을 놓고 의견을
            나눴다.</p>
            <p>참가자들은 평화가 선언만으로 이루어지지 않으며, 혐오와 차별을 줄이는 구체적인 정책이 뒷받침될
            때 비로소 시민의 삶에 닿는다는 점을 확인했다. 시민이 정책 결정에 직접 참여하는 구조가 민주주의와
            인권을 함께 지키는 바탕이라는 의견도 많았다.</p>
            <h2>주요 논의</h2>
            <ul>
            <li>인권 조례와 인권 기본계획을 실제 행정으로 잇는 방법</li>
            <li>이주민과 소수자를 위한 상담·구제 창구의 역할</li>
            <li>주민참여예산과 인권교육의 연계</li>
            </ul>
            <p>광주광역시는 이번 논의를 정리해 다음 포럼의 의제를 준비할 계획이다.</p>
        """),
        "body_en": html("""
            <p>The 7th World Human Rights Cities Forum closed on 17 September after four days. Several hundred
            city officials, human rights activists and researchers from Korea and abroad debated the role of
            cities in protecting peace and democracy.</p>
            <p>Participants agreed that declarations alone do not bring peace: it reaches people's lives only
            when concrete policies reduce hatred and discrimination. Many also argued that giving citizens a
            direct say in decisions is what holds democracy and human rights together.</p>
            <h2>Main points of discussion</h2>
            <ul>
            <li>Turning human rights ordinances and action plans into day-to-day administration</li>
            <li>The role of counselling and remedy services for migrants and minorities</li>
            <li>Linking participatory budgeting with human rights education</li>
            </ul>
            <p>Gwangju Metropolitan City will build on these discussions to prepare the agenda of the next
            forum.</p>
        """),
    },
    # 8th forum, 2018 ------------------------------------------------------------------------------------
    {
        "slug": "8th-forum-opens",
        "category": "news",
        "edition": 8,
        "published_at": at("2018-10-18 19:00"),
        "view_count": 1492,
        "title_ko": '제8회 세계인권도시포럼 개막, "우리는 누구와 함께 살아가는가"',
        "title_en": "8th Forum opens with a question: whom do we live with?",
        "summary_ko": "제8회 세계인권도시포럼이 18일 개막해 다양성과 포용, 평화를 주제로 21일까지 이어진다.",
        "summary_en": (
            "The 8th World Human Rights Cities Forum opened on 18 October and runs until the 21st, with "
            "diversity, inclusiveness and peace on the agenda."
        ),
        "body_ko": html("""
            <p>제8회 세계인권도시포럼이 18일 김대중컨벤션센터에서 문을 열었다. 올해는 "우리는 누구와 함께
            살아가는가? 다양성, 포용성, 그리고 평화"를 주제로, 도시에 함께 사는 다양한 이웃의 권리를 집중적으로
            다룬다.</p>
            <p>한국에서도 이주노동자와 결혼이주민, 난민 신청자가 늘면서 지역 공동체의 모습이 빠르게 바뀌고
            있다. 참가자들은 이러한 변화를 갈등의 씨앗이 아니라 도시를 더 풍요롭게 하는 힘으로 바라보는 정책이
            필요하다고 입을 모았다.</p>
            <p>나흘 동안 이어지는 회의에서는 다문화 가족 지원, 장애인의 이동권, 성소수자 차별 금지 같은
            구체적인 과제를 차례로 다룬다. 해외 도시들은 모든 주민을 위한 행정 서비스를 설계해 온 경험을
            소개할 예정이다.</p>
        """),
        "body_en": html("""
            <p>The 8th World Human Rights Cities Forum opened on 18 October at the Kim Dae-jung Convention
            Center. Under the theme "Whom Do We Live With? Diversity, Inclusiveness, and Peace", it focuses on
            the rights of the many different people who share a city.</p>
            <p>In Korea, too, growing numbers of migrant workers, marriage migrants and asylum seekers are
            quickly changing local communities. Participants agreed that cities need policies that treat this
            change as a source of strength rather than of conflict.</p>
            <p>Over four days, sessions take up concrete issues one by one: support for multicultural families,
            accessible transport for people with disabilities and protection of LGBTI people from
            discrimination. Cities from abroad will explain how they designed public services for all
            residents.</p>
        """),
    },
    {
        "slug": "8th-forum-closes",
        "category": "news",
        "edition": 8,
        "published_at": at("2018-10-22 10:00"),
        "view_count": 977,
        "title_ko": "제8회 세계인권도시포럼 폐막… 포용 도시를 위한 과제 정리",
        "title_en": "8th Forum ends with an agenda for inclusive cities",
        "summary_ko": (
            "제8회 포럼이 21일 폐막했다. 참가 도시들은 차이를 존중하는 포용 정책을 지역의 평화와 연결하는 "
            "과제를 정리했다."
        ),
        "summary_en": (
            "The 8th Forum closed on 21 October, with cities listing the steps that link inclusive, "
            "difference-respecting policy to peace in their communities."
        ),
        "body_ko": html("""
            <p>다양성과 포용, 평화를 주제로 한 제8회 세계인권도시포럼이 21일 나흘간의 일정을 마쳤다.
            참가자들은 모든 주민이 존중받는 도시가 곧 평화로운 도시라는 데 의견을 모았다.</p>
            <p>폐막 회의에서는 각 세션의 논의가 보고됐다. 특히 이주민이 행정 서비스에서 언어 때문에 배제되지
            않도록 통번역 지원을 늘리고, 차별 피해를 상담할 수 있는 창구를 지역 가까이에 두어야 한다는 제안이
            주목받았다.</p>
            <blockquote>다양성은 관리해야 할 문제가 아니라 함께 누려야 할 도시의 자산이라는 점이 이번 포럼의
            가장 큰 공감대였다.</blockquote>
            <p>포럼 사무국은 논의 결과를 정리한 자료집을 참가 도시들과 공유할 예정이다.</p>
        """),
        "body_en": html("""
            <p>The 8th World Human Rights Cities Forum, devoted to diversity, inclusiveness and peace, ended on
            21 October. Participants agreed that a city where every resident is respected is also a peaceful
            city.</p>
            <p>At the closing meeting, each session reported back. Two proposals drew particular attention:
            more interpretation and translation so that language never shuts migrants out of public services,
            and discrimination counselling offered close to where people live.</p>
            <blockquote>The broadest agreement of the forum: diversity is not a problem to be managed but an
            asset the whole city shares.</blockquote>
            <p>The secretariat will share a report of the discussions with participating cities.</p>
        """),
    },
    # 9th forum, 2019 ------------------------------------------------------------------------------------
    {
        "slug": "9th-forum-citizen-supporters",
        "category": "notice",
        "edition": 9,
        "published_at": at("2019-08-05 10:00"),
        "view_count": 274,
        # Korean only: addressed to residents of Gwangju.
        "title_ko": "제9회 포럼 시민 인권 서포터즈 모집",
        "summary_ko": "포럼을 시민의 눈으로 기록하고 알릴 시민 인권 서포터즈를 모집합니다.",
        "body_ko": html("""
            <p>제9회 세계인권도시포럼을 시민의 눈으로 기록하고 주변에 알릴 시민 인권 서포터즈를 모집합니다.
            서포터즈는 포럼 현장을 취재하고 누리소통망에 후기를 올리며, 시민 참여 행사의 진행을 돕습니다.</p>
            <ul>
            <li>활동 기간: 9월 중순부터 10월 초까지</li>
            <li>지원 대상: 광주에 살거나 광주에서 공부·일하는 시민</li>
            <li>활동 혜택: 사전 교육, 활동 확인서, 우수 활동자 시상</li>
            </ul>
            <p>청소년과 대학생, 직장인 모두 환영합니다. 신청서는 포럼 누리집에서 내려받을 수 있습니다.</p>
            <p>선발 결과는 9월 첫째 주에 개별 연락으로 알려 드립니다.</p>
        """),
    },
    {
        "slug": "9th-forum-programme-announced",
        "category": "press-release",
        "edition": 9,
        "published_at": at("2019-09-02 10:00"),
        "view_count": 1845,
        "title_ko": "제9회 세계인권도시포럼, 48개 프로그램 확정",
        "title_en": "9th World Human Rights Cities Forum announces 48 programmes",
        "summary_ko": (
            "9월 30일부터 10월 3일까지 열리는 제9회 포럼의 프로그램이 확정됐다. '지방정부와 인권: 인권도시를 "
            "다시 상상하다'를 주제로 48개 프로그램이 진행된다."
        ),
        "summary_en": (
            "The programme of the 9th Forum, 30 September to 3 October, is final: 48 programmes under the theme "
            '"Local Governments and Human Rights: Reimagining Human Rights Cities".'
        ),
        "body_ko": html("""
            <p>광주광역시는 제9회 세계인권도시포럼을 9월 30일부터 10월 3일까지 김대중컨벤션센터에서 연다고
            밝혔다. 올해 주제는 "지방정부와 인권: 인권도시를 다시 상상하다"이며, 모두 48개 프로그램이
            마련됐다.</p>
            <p>프로그램은 공식행사와 전체회의, 주제회의, 특별회의, 인권도시 네트워크 회의, 인권교육 회의,
            문화 행사 등으로 짜였다. 국가인권위원회와 한국국제협력단(KOICA)이 공동 기관으로 함께해 국내외
            인권 정책과 개발 협력의 접점도 다룬다.</p>
            <h2>올해 눈여겨볼 점</h2>
            <ul>
            <li>지방정부의 인권 책무를 국제 인권 기준에 비추어 점검하는 전체회의</li>
            <li>인권 행정 담당 공무원을 위한 교육 회의</li>
            <li>시민 누구나 참여할 수 있는 인권 영화제와 전시</li>
            </ul>
            <p>참가 신청은 포럼 누리집에서 할 수 있으며, 모든 전체회의에는 동시통역이 제공된다.</p>
        """),
        "body_en": html("""
            <p>Gwangju Metropolitan City has announced that the 9th World Human Rights Cities Forum will take
            place at the Kim Dae-jung Convention Center from 30 September to 3 October. This year's theme is
            "Local Governments and Human Rights: Reimagining Human Rights Cities", and 48 programmes are
            planned.</p>
            <p>The programme includes official events, plenary, thematic and special sessions, a human rights
            cities network meeting, human rights education sessions and cultural events. The National Human
            Rights Commission of Korea and KOICA join as co-organisers, bringing in the links between human
            rights policy and development cooperation.</p>
            <h2>Highlights</h2>
            <ul>
            <li>A plenary that measures local governments' human rights duties against international
            standards</li>
            <li>Training sessions for officials who run human rights programmes</li>
            <li>A human rights film festival and exhibition open to all</li>
            </ul>
            <p>Registration is open on the forum website, and all plenary sessions offer simultaneous
            interpretation.</p>
        """),
        "organizations": ["nhrck", "koica"],
    },
    {
        "slug": "9th-forum-closes",
        "category": "news",
        "edition": 9,
        "published_at": at("2019-10-04 10:00"),
        "view_count": 2213,
        "title_ko": "제9회 세계인권도시포럼 폐막… 지방정부의 인권 책무를 다시 그리다",
        "title_en": "9th Forum closes after rethinking the human rights duties of local government",
        "summary_ko": (
            "39개국 98개 도시에서 약 2,000명이 함께한 제9회 포럼이 3일 막을 내렸다. 참가자들은 인권 보장의 "
            "최전선에 선 지방정부의 역할을 새롭게 정리했다."
        ),
        "summary_en": (
            "The 9th Forum, which drew some 2,000 people from 98 cities in 39 countries, closed on 3 October "
            "with a fresh account of local government's role on the front line of human rights."
        ),
        "body_ko": html("""
            <p>제9회 세계인권도시포럼이 3일 폐막식을 끝으로 나흘간의 일정을 마쳤다. 올해 포럼에는 39개국
            98개 도시에서 약 2,000명이 참가해 48개 프로그램에서 의견을 나눴다.</p>
            <p>참가자들은 인권이 중앙정부나 국제기구만의 과제가 아니며, 주민의 일상과 가장 가까운 지방정부가
            인권을 실현하는 첫 번째 책임 주체라는 점을 다시 확인했다. 주거, 교육, 돌봄처럼 시민이 매일 마주하는
            행정이 곧 인권 정책이라는 것이다.</p>
            <p>폐막식에서는 도시 간 협력을 넓히고 인권 행정의 성과를 함께 측정할 지표를 만들자는 제안이
            나왔다. 광주광역시는 이를 바탕으로 내년 제10회 포럼을 준비한다.</p>
        """),
        "body_en": html("""
            <p>The 9th World Human Rights Cities Forum ended on 3 October after four days. Some 2,000 people from
            98 cities in 39 countries took part in its 48 programmes.</p>
            <p>Participants reaffirmed that human rights are not only a matter for national governments and
            international bodies: local governments, closest to people's daily lives, carry the first
            responsibility for making them real. Housing, schooling and care, the services people meet every
            day, are human rights policy.</p>
            <p>The closing ceremony heard proposals to widen cooperation between cities and to build shared
            indicators for the results of human rights administration. Gwangju will use them to prepare next
            year's 10th Forum.</p>
        """),
    },
    {
        "slug": "9th-forum-thank-you-letter",
        "category": "letter",
        "edition": 9,
        "published_at": at("2019-10-10 15:00"),
        "view_count": 463,
        "title_ko": "제9회 포럼 참가자께 드리는 감사 편지",
        "title_en": "A thank-you letter to the participants of the 9th Forum",
        "summary_ko": "포럼 사무국이 제9회 포럼을 함께 만든 참가자와 자원활동가께 감사 인사를 전합니다.",
        "summary_en": "The forum secretariat thanks everyone who made the 9th Forum possible.",
        "body_ko": html("""
            <p>제9회 세계인권도시포럼에 함께해 주신 모든 분께 깊이 감사드립니다. 먼 길을 오신 해외 참가자,
            발표와 토론을 맡아 주신 연사, 그리고 나흘 내내 현장을 지켜 주신 자원활동가 여러분 덕분에 포럼을
            무사히 마칠 수 있었습니다.</p>
            <p>올해 우리는 지방정부가 인권을 지키는 최전선이라는 사실을 함께 확인했습니다. 회의장에서 나눈
            이야기들이 각 도시로 돌아가 구체적인 정책과 변화로 이어지기를 바랍니다.</p>
            <p>포럼 기간에 찍은 사진과 발표 자료는 정리되는 대로 누리집에 올리겠습니다. 내년 제10회 포럼에서
            다시 만나기를 기대합니다.</p>
            <p>세계인권도시포럼 사무국 드림</p>
        """),
        "body_en": html("""
            <p>Our warm thanks to everyone who took part in the 9th World Human Rights Cities Forum: participants
            who travelled from far away, speakers who led presentations and debates, and volunteers who kept
            the venue running for four days. You made this forum possible.</p>
            <p>Together we confirmed this year that local governments stand on the front line of human rights.
            We hope the conversations in Gwangju will travel home with you and turn into concrete policies and
            change.</p>
            <p>Photos and presentation materials will be posted on the website as soon as they are ready. We
            look forward to seeing you again at the 10th Forum next year.</p>
            <p>The World Human Rights Cities Forum Secretariat</p>
        """),
        "organizations": ["gic"],
    },
    # 10th forum, 2020 -----------------------------------------------------------------------------------
    {
        "slug": "10th-forum-goes-online",
        "category": "notice",
        "edition": 10,
        "published_at": at("2020-08-20 15:00"),
        "view_count": 3127,
        "title_ko": "제10회 세계인권도시포럼, 온라인으로 열립니다",
        "title_en": "The 10th World Human Rights Cities Forum will be held online",
        "summary_ko": (
            "코로나19 확산에 따라 제10회 포럼은 10월 7일부터 10일까지 온라인으로 열립니다. "
            "모든 세션은 누리집에서 실시간으로 볼 수 있습니다."
        ),
        "summary_en": (
            "Because of COVID-19, the 10th Forum will take place online from 7 to 10 October. Every session "
            "will be streamed live on the website."
        ),
        "body_ko": html("""
            <p>코로나19 확산이 이어짐에 따라 제10회 세계인권도시포럼은 10월 7일부터 10일까지 온라인으로
            개최합니다. 참가자와 연사의 안전을 가장 먼저 생각한 결정이니 너른 양해를 부탁드립니다.</p>
            <p>모든 세션은 포럼 누리집에서 실시간으로 중계되며, 한국어와 영어 통역이 함께 제공됩니다.
            세션이 끝난 뒤에는 다시 보기 영상도 올라갑니다.</p>
            <h2>온라인 참가 방법</h2>
            <ol>
            <li>포럼 누리집에서 참가 신청을 합니다.</li>
            <li>행사 전날 전자우편으로 받은 접속 안내를 확인합니다.</li>
            <li>세션 시간에 맞춰 온라인 회의실에 입장합니다.</li>
            </ol>
            <p>온라인으로 만나는 만큼 더 많은 도시와 시민이 함께하기를 기대합니다.</p>
        """),
        "body_en": html("""
            <p>As COVID-19 continues to spread, the 10th World Human Rights Cities Forum will take place online
            from 7 to 10 October. The decision puts the safety of participants and speakers first, and we thank
            you for your understanding.</p>
            <p>Every session will be streamed live on the forum website with Korean and English
            interpretation, and recordings will be posted afterwards.</p>
            <h2>How to take part online</h2>
            <ol>
            <li>Register on the forum website.</li>
            <li>Check the access details we e-mail you the day before the forum.</li>
            <li>Join the online room when your session begins.</li>
            </ol>
            <p>Meeting online, we hope to welcome more cities and citizens than ever.</p>
        """),
    },
    {
        "slug": "10th-forum-un-co-hosts",
        "category": "press-release",
        "edition": 10,
        "published_at": at("2020-09-15 10:00"),
        "view_count": 2684,
        "title_ko": "유엔인권최고대표사무소·유네스코, 세계인권도시포럼 첫 공동 주최",
        "title_en": "OHCHR and UNESCO co-host the World Human Rights Cities Forum for the first time",
        "summary_ko": (
            "제10회 세계인권도시포럼을 유엔인권최고대표사무소와 유네스코가 광주광역시와 함께 주최한다. "
            "유엔 기구가 포럼을 공동 주최하는 것은 이번이 처음이다."
        ),
        "summary_en": (
            "OHCHR and UNESCO will co-host the 10th World Human Rights Cities Forum with Gwangju, the first time "
            "UN bodies have co-hosted the forum."
        ),
        "body_ko": html("""
            <p>광주광역시는 다음 달 열리는 제10회 세계인권도시포럼을 유엔인권최고대표사무소, 유네스코와 함께
            공동 주최한다고 밝혔다. 유엔 기구가 포럼의 공동 주최로 나서는 것은 포럼 역사상 처음이다.</p>
            <p>이번 공동 주최로 포럼은 지방정부와 유엔 인권 체계를 잇는 국제적인 논의의 장으로 한 걸음 더
            나아가게 됐다. 두 기구는 지방정부와 유엔의 협력, 차별 없는 포용도시를 다루는 세션을 직접
            기획한다.</p>
            <p>올해 포럼은 "인권도시의 미래: 지역의 기억과 세계적 공유"를 주제로 10월 7일부터 10일까지
            온라인으로 열리며, 5·18민주화운동 40주년을 기념하는 특별회의도 마련된다.</p>
        """),
        "body_en": html("""
            <p>Gwangju Metropolitan City announced that next month's 10th World Human Rights Cities Forum will be
            co-hosted by OHCHR and UNESCO. It is the first time in the forum's history that UN bodies have
            joined as co-hosts.</p>
            <p>The partnership takes the forum a step further as an international meeting point between local
            governments and the UN human rights system. The two organisations are designing their own sessions
            on cooperation between local governments and the UN and on inclusive cities free from
            discrimination.</p>
            <p>This year's forum, "The Future of Human Rights Cities: Local Memories and Global Sharing", runs
            online from 7 to 10 October and includes a special session marking the 40th anniversary of the May
            18 Democratic Uprising.</p>
        """),
        "organizations": ["ohchr", "unesco"],
    },
    {
        "slug": "10th-forum-online-viewing-guide",
        "category": "notice",
        "edition": 10,
        "published_at": at("2020-09-28 10:00"),
        "view_count": 1019,
        # Korean only: a how-to for local viewers watching together.
        "title_ko": "제10회 포럼 시민 공동 시청 안내",
        "summary_ko": "마을과 학교, 단체에서 포럼을 함께 시청하실 분들을 위한 안내입니다.",
        "body_ko": html("""
            <p>올해 포럼은 온라인으로 열리는 만큼, 마을 공동체와 학교, 시민단체에서 함께 모여 시청하는 자리를
            마련해 보시기를 권합니다. 함께 보고 이야기를 나누면 포럼의 의미가 더 가까이 다가옵니다.</p>
            <h2>공동 시청 준비물</h2>
            <ul>
            <li>안정적인 인터넷 연결과 큰 화면</li>
            <li>방역 수칙에 맞춘 좌석 배치</li>
            <li>토론을 위한 세션 요약 자료(누리집에서 내려받기)</li>
            </ul>
            <p>공동 시청을 신청하신 모임에는 토론 자료와 기념품을 보내 드립니다. 신청은 9월 30일까지 사무국
            전자우편으로 받습니다.</p>
            <p>시청 모임의 사진과 소감을 보내 주시면 포럼 소식지에 소개하겠습니다.</p>
        """),
    },
    {
        "slug": "10th-forum-newsletter-day-1",
        "category": "newsletter",
        "edition": 10,
        "published_at": at("2020-10-07 21:00"),
        "view_count": 1254,
        "title_ko": "포럼 소식지 1일 차: 온라인 개막과 첫 전체회의",
        "title_en": "Forum Newsletter, Day 1: an online opening and the first plenary",
        "summary_ko": "처음 온라인으로 열린 개막식과 시장들이 함께한 첫 전체회의 소식을 전합니다.",
        "summary_en": "News from the first online opening ceremony and a plenary with mayors from several continents.",
        "body_ko": html("""
            <p>제10회 세계인권도시포럼이 오늘 온라인 개막식으로 나흘간의 일정을 시작했습니다. 공동 주최를 맡은
            유엔인권최고대표사무소와 유네스코 대표가 영상으로 축하 인사를 전했고, 세계 곳곳의 참가자들이 화면
            너머로 함께했습니다.</p>
            <p>오후에 열린 첫 전체회의에서는 독일 뉘른베르크, 튀니지 아리아나, 인도네시아 보고르의 시장들이
            도시의 역사와 기억을 인권 정책의 자산으로 삼아 온 경험을 나눴습니다. 시민이 안전하고 소속감을
            느끼는 도시는 과거를 정직하게 마주하는 데서 시작된다는 이야기가 이어졌습니다.</p>
            <h3>내일의 주요 세션</h3>
            <ul>
            <li>특별회의: 국가폭력의 기억과 인권도시</li>
            <li>주제회의: 감염병 위기와 지방정부의 인권 대응</li>
            </ul>
            <p>오늘 세션의 다시 보기 영상은 포럼 누리집에서 볼 수 있습니다.</p>
        """),
        "body_en": html("""
            <p>The 10th World Human Rights Cities Forum began its four days today with an online opening
            ceremony. Representatives of its co-hosts, OHCHR and UNESCO, sent video greetings, and participants
            around the world joined from their screens.</p>
            <p>In the afternoon's first plenary, the mayors of Nuremberg, Ariana and Bogor described how their
            cities have turned history and memory into assets for human rights policy. A city where people feel
            safe and at home, they said, starts by facing its past honestly.</p>
            <h3>Tomorrow's highlights</h3>
            <ul>
            <li>Special session: Memories of State Violence and Human Rights Cities</li>
            <li>Thematic session: The Pandemic and Local Human Rights Responses</li>
            </ul>
            <p>Recordings of today's sessions are available on the forum website.</p>
        """),
        "sessions": ["10-opening", "10-plenary"],
    },
    {
        "slug": "10th-forum-memories-of-state-violence",
        "category": "news",
        "edition": 10,
        "published_at": at("2020-10-08 20:00"),
        "view_count": 1733,
        "title_ko": "국가폭력의 기억을 나눈 도시들… 5·18 40주년 특별회의",
        "title_en": "Cities with memories of state violence meet on the 40th anniversary of May 18",
        "summary_ko": (
            "5·18민주화운동 40주년을 맞아 국가폭력을 겪은 도시들이 진실 규명과 기억의 계승, 치유의 경험을 나눴다."
        ),
        "summary_en": (
            "On the 40th anniversary of the May 18 Democratic Uprising, cities that lived through state violence "
            "compared how they have pursued truth, memory and healing."
        ),
        "body_ko": html("""
            <p>올해 포럼의 주제를 가장 잘 보여 주는 특별회의 "국가폭력의 기억과 인권도시"가 8일 온라인으로
            열렸다. 5·18민주화운동 40주년을 맞아 마련된 이 자리에는 비슷한 아픔을 겪은 여러 나라의 도시들이
            참여했다.</p>
            <p>발표자들은 진실을 밝히는 일과 기억을 다음 세대에 전하는 일이 따로 떨어져 있지 않다고 강조했다.
            기록관과 기념 공간, 학교 교육이 함께 움직일 때 기억이 박제되지 않고 오늘의 인권 감수성으로
            살아난다는 것이다.</p>
            <p>토론에서는 피해자와 가족이 치유 과정의 중심에 서야 한다는 의견이 많았다. 참가자들은 도시마다
            다른 역사를 지녔지만, 기억을 공유하는 연대가 국가폭력의 재발을 막는 힘이 된다는 데 공감했다.</p>
        """),
        "body_en": html("""
            <p>The special session "Memories of State Violence and Human Rights Cities", which captures this
            year's theme better than any other, took place online on 8 October. Held for the 40th anniversary of
            the May 18 Democratic Uprising, it brought together cities in several countries that carry similar
            wounds.</p>
            <p>Speakers stressed that uncovering the truth and passing memory on to the next generation are
            part of the same work. When archives, memorial sites and schools move together, memory does not
            freeze into the past but lives on as today's sensitivity to human rights.</p>
            <p>In the discussion, many argued that victims and their families must be at the centre of any
            healing process. Each city's history is different, participants agreed, but solidarity in sharing
            memory is what helps prevent state violence from happening again.</p>
        """),
        "sessions": ["10-special-memory"],
        "organizations": ["may18-foundation"],
    },
    {
        "slug": "10th-forum-newsletter-day-3",
        "category": "newsletter",
        "edition": 10,
        "published_at": at("2020-10-09 22:00"),
        "view_count": 906,
        "title_ko": "포럼 소식지 3일 차: 유엔과 도시, 청년의 목소리, 그리고 음악회",
        "title_en": "Forum Newsletter, Day 3: the UN and cities, young voices and a concert",
        "summary_ko": "지방정부와 유엔 인권 체계를 다룬 특별회의, 청년 토크, 온라인 음악회 소식을 모았습니다.",
        "summary_en": "A special session on local governments and the UN, a youth talk and an online concert.",
        "body_ko": html("""
            <p>포럼 사흘째인 오늘은 유엔인권최고대표사무소가 기획한 특별회의로 오후를 열었습니다. 참가자들은
            유엔 인권 메커니즘의 권고를 지역 정책으로 옮기는 과정에서 지방정부가 맡을 수 있는 역할을 구체적으로
            짚었습니다.</p>
            <p>이어진 청년 토크에서는 여러 나라의 청년들이 기후위기와 일자리, 주거 문제를 인권의 언어로
            풀어냈습니다. "청년을 정책의 대상이 아니라 함께 만드는 사람으로 봐 달라"는 요청이 큰 공감을
            얻었습니다.</p>
            <p>저녁에는 광주 시민 합창단의 온라인 음악회가 하루를 마무리했습니다. 내일은 폐막식과 함께 광주선언문이
            발표됩니다.</p>
        """),
        "body_en": html("""
            <p>Day three opened in the afternoon with a special session designed by OHCHR. Participants looked in
            detail at what local governments can do to turn the recommendations of UN human rights mechanisms
            into local policy.</p>
            <p>In the youth talk that followed, young people from several countries described climate change,
            jobs and housing in the language of human rights. Their request to be seen "as co-authors of policy,
            not its target" met with wide agreement.</p>
            <p>In the evening an online concert by a Gwangju citizens' choir closed the day. Tomorrow brings the
            closing ceremony and the Gwangju Declaration.</p>
        """),
        "sessions": ["10-special-un", "10-youth", "10-concert"],
    },
    {
        "slug": "10th-forum-closes",
        "category": "news",
        "edition": 10,
        "published_at": at("2020-10-12 10:00"),
        "view_count": 4959,
        "title_ko": "제10회 세계인권도시포럼 폐막… 76개국 253개 도시가 함께했다",
        "title_en": "10th Forum closes after bringing together 253 cities from 76 countries",
        "summary_ko": (
            "처음 온라인으로 열린 제10회 포럼이 10일 광주선언문 발표와 함께 막을 내렸다. 7개 분야 35개 "
            "프로그램에 약 2,780명이 참가했다."
        ),
        "summary_en": (
            "The first online edition of the forum closed on 10 October with the Gwangju Declaration. Some 2,780 "
            "people took part in 35 programmes across seven fields."
        ),
        "body_ko": html("""
            <p>제10회 세계인권도시포럼이 10일 폐막식을 끝으로 나흘간의 온라인 일정을 마쳤다. 코로나19로 한자리에
            모이지 못했지만, 76개국 253개 도시에서 시장 22명을 포함해 약 2,780명이 화면을 통해 함께했다.</p>
            <p>올해 포럼은 7개 분야 35개 프로그램으로 꾸려졌다. 유엔인권최고대표사무소와 유네스코가 처음으로 공동
            주최에 참여하면서, 포럼은 도시와 유엔, 시민사회를 잇는 인권 플랫폼으로서의 기반을 다졌다는 평가를
            받았다.</p>
            <h2>광주선언문의 핵심</h2>
            <ul>
            <li>도시의 역사와 기억은 인권도시를 만드는 사회적·문화적 자산이다.</li>
            <li>지방정부는 감염병과 기후위기 속에서도 누구도 배제되지 않도록 시민의 권리를 지켜야 한다.</li>
            <li>인권도시들은 네트워크, 인권교육, 정책 협력을 통해 실천을 넓혀 간다.</li>
            </ul>
            <p>광주광역시는 선언문에 담긴 제안을 바탕으로 도시 간 협력 사업을 구체화할 계획이다. 선언문 전문은
            첨부 파일에서 볼 수 있다.</p>
        """),
        "body_en": html("""
            <p>The 10th World Human Rights Cities Forum closed on 10 October after four days online. COVID-19
            kept people apart, yet some 2,780 participants, 22 mayors among them, joined from 253 cities in 76
            countries.</p>
            <p>This year's forum offered 35 programmes in seven fields. With OHCHR and UNESCO taking part as
            co-hosts for the first time, it was widely seen as having laid the groundwork for a human rights
            platform linking cities, the UN and civil society.</p>
            <h2>The Gwangju Declaration in brief</h2>
            <ul>
            <li>A city's history and memories are social and cultural assets for building a human rights
            city.</li>
            <li>Local governments must protect residents' rights so that no one is left out, pandemic and
            climate crisis included.</li>
            <li>Human rights cities will widen their work through networks, human rights education and policy
            cooperation.</li>
            </ul>
            <p>Gwangju Metropolitan City plans to turn the declaration's proposals into concrete projects with
            other cities. The full text is attached below.</p>
        """),
        "sessions": ["10-closing"],
        "organizations": ["gwangju", "ohchr", "unesco"],
    },
    {
        "slug": "10th-forum-letter-to-partners",
        "category": "letter",
        "edition": 10,
        "published_at": at("2020-10-22 14:00"),
        "view_count": 688,
        "title_ko": "인권도시 동료들에게 보내는 편지",
        "title_en": "A letter to our fellow human rights cities",
        "summary_ko": "포럼 사무국이 제10회 포럼을 마치며 인권도시 동료들에게 감사와 다짐을 전합니다.",
        "summary_en": "After the 10th Forum, the secretariat writes to partner cities with thanks and a promise.",
        "body_ko": html("""
            <p>인권도시 동료 여러분께,</p>
            <p>올해 우리는 처음으로 서로의 얼굴을 화면으로만 마주했습니다. 시차를 넘어 새벽과 밤에도 세션에
            참여해 주신 여러분 덕분에, 거리는 멀었어도 연대는 어느 때보다 가까웠습니다.</p>
            <p>제10회 포럼은 도시의 기억이 인권의 자산이 될 수 있음을 보여 주었습니다. 이제 그 기억을 각자의
            도시에서 정책과 교육으로 이어 가는 일이 남았습니다. 사무국은 선언문의 제안을 실천할 협력 사업을
            준비해 곧 여러분께 안내드리겠습니다.</p>
            <p>내년에는 광주에서 직접 손을 맞잡을 수 있기를 바랍니다.</p>
            <p>세계인권도시포럼 사무국 드림</p>
        """),
        "body_en": html("""
            <p>Dear fellow human rights cities,</p>
            <p>This year, for the first time, we saw each other only on screens. Many of you joined sessions at
            dawn or late at night across time zones, and thanks to you our solidarity felt closer than ever,
            however far apart we were.</p>
            <p>The 10th Forum showed that a city's memories can become human rights assets. What remains is to
            carry those memories into policy and education in each of our cities. The secretariat is preparing
            joint projects to put the declaration's proposals into practice and will be in touch soon.</p>
            <p>We hope to shake your hands in Gwangju next year.</p>
            <p>The World Human Rights Cities Forum Secretariat</p>
        """),
        "organizations": ["gic"],
    },
    # 11th forum, 2021 -----------------------------------------------------------------------------------
    {
        "slug": "11th-forum-registration-open",
        "category": "notice",
        "edition": 11,
        "published_at": at("2021-08-23 10:00"),
        "view_count": 2305,
        "title_ko": "제11회 세계인권도시포럼 참가 신청: 현장과 온라인 중 선택하세요",
        "title_en": "Register for the 11th Forum: join in person or online",
        "summary_ko": (
            "10월 6일부터 10일까지 하이브리드로 열리는 제11회 포럼의 참가 신청을 받습니다. 현장 좌석은 방역 "
            "기준에 따라 제한됩니다."
        ),
        "summary_en": (
            "Registration is open for the hybrid 11th Forum, 6–10 October. Seats in the hall are limited under "
            "public health rules."
        ),
        "body_ko": html("""
            <p>제11회 세계인권도시포럼이 10월 6일 사전회의를 시작으로 10일까지 김대중컨벤션센터와 온라인에서
            동시에 열립니다. 참가 신청서에서 현장 참가와 온라인 참가 가운데 하나를 골라 주십시오.</p>
            <p>현장 좌석은 방역 기준에 따라 세션마다 수가 정해져 있어 먼저 신청하신 순서대로 배정합니다.
            온라인 참가는 인원 제한이 없으며, 모든 세션에서 한국어·영어 통역과 실시간 자막을 제공합니다.</p>
            <h2>현장 참가자 유의 사항</h2>
            <ul>
            <li>입장 시 체온 측정과 출입 명부 작성이 필요합니다.</li>
            <li>회의장 안에서는 마스크를 꼭 써 주십시오.</li>
            </ul>
            <p>방역 상황이 바뀌면 현장 운영 방식도 달라질 수 있으며, 변경 사항은 누리집과 전자우편으로 바로
            알려 드립니다.</p>
        """),
        "body_en": html("""
            <p>The 11th World Human Rights Cities Forum opens with pre-forum sessions on 6 October and runs until
            10 October, both at the Kim Dae-jung Convention Center and online. Please choose in-person or online
            participation in the registration form.</p>
            <p>Seats in the hall are capped per session under public health rules and are allocated in order of
            registration. Online participation is unlimited, and every session offers Korean–English
            interpretation and live captions.</p>
            <h2>If you attend in person</h2>
            <ul>
            <li>Your temperature will be checked and your visit logged at the entrance.</li>
            <li>Please wear a mask inside the venue at all times.</li>
            </ul>
            <p>If the public health situation changes, on-site arrangements may change too; we will announce any
            update on the website and by e-mail right away.</p>
        """),
    },
    {
        "slug": "11th-forum-programme",
        "category": "press-release",
        "edition": 11,
        "published_at": at("2021-09-16 10:00"),
        "view_count": 1987,
        "title_ko": "제11회 세계인권도시포럼, '새로운 사회계약' 주제로 51개 세션 마련",
        "title_en": "11th Forum puts a new social contract at the centre of 51 sessions",
        "summary_ko": (
            "제11회 포럼이 '도전의 시대, 인권: 새로운 사회계약'을 주제로 51개 세션을 연다. 유엔 기구와 도시 "
            "네트워크, 연구기관이 함께 준비했다."
        ),
        "summary_en": (
            'The 11th Forum will hold 51 sessions on "Human Rights in Times of Challenge: A New Social '
            'Contract", prepared with UN bodies, a city network and a research institute.'
        ),
        "body_ko": html("""
            <p>광주광역시는 제11회 세계인권도시포럼을 10월 6일부터 10일까지 하이브리드 방식으로 연다고 밝혔다.
            올해 주제는 "도전의 시대, 인권: 새로운 사회계약"으로, 모두 51개 세션이 준비됐다.</p>
            <p>올해는 유네스코와 유엔인권최고대표사무소가 2년 연속 공동 주최로 참여하고, 세계지방정부연합
            사회통합·참여민주주의·인권위원회와 라울 발렌베리 인권·인도법 연구소가 새로 힘을 보탠다.</p>
            <p>주요 세션으로는 인권경제 특별회의, 난민과 여성폭력, 먹거리 권리를 다루는 주제회의, 청년 토크가
            있다. 처음으로 사전회의 일정을 두어 인권교육과 도시 네트워크 논의를 앞당겨 시작한다.</p>
        """),
        "body_en": html("""
            <p>Gwangju Metropolitan City announced that the 11th World Human Rights Cities Forum will be held in
            hybrid form from 6 to 10 October. Under the theme "Human Rights in Times of Challenge: A New Social
            Contract", 51 sessions are planned.</p>
            <p>UNESCO and UN Human Rights return as co-hosts for a second year, joined for the first time by the
            UCLG Committee on Social Inclusion, Participatory Democracy and Human Rights and the Raoul Wallenberg
            Institute.</p>
            <p>Highlights include a special session on a rights-based economy, thematic sessions on refugees,
            violence against women and the right to food, and a youth talk. A new pre-forum day starts the
            discussion on human rights education and city networks early.</p>
        """),
        "organizations": ["unesco", "ohchr", "uclg-csipdhr", "rwi"],
    },
    {
        "slug": "11th-forum-pre-forum",
        "category": "news",
        "edition": 11,
        "published_at": at("2021-10-06 20:00"),
        "view_count": 845,
        "title_ko": "사전회의로 문 연 제11회 포럼… 인권교육과 도시 네트워크 논의",
        "title_en": "Pre-forum sessions open the 11th Forum with human rights education and city networks",
        "summary_ko": (
            "제11회 포럼이 6일 사전회의로 일정을 시작했다. 공무원 인권교육과 인권도시 네트워크가 첫 의제였다."
        ),
        "summary_en": (
            "The 11th Forum began on 6 October with pre-forum sessions on human rights education for officials "
            "and on the human rights cities network."
        ),
        "body_ko": html("""
            <p>제11회 세계인권도시포럼이 6일 사전회의로 닷새간의 일정을 시작했다. 포럼 사상 처음 마련된
            사전회의에는 현장과 온라인에서 국내외 도시 관계자들이 참여했다.</p>
            <p>첫 세션에서는 라울 발렌베리 연구소와 광주광역시가 함께 운영해 온 공무원 인권교육 과정의 경험이
            소개됐다. 온라인 학습과 대면 토론을 결합한 방식이 바쁜 공무원들의 참여를 높였다는 평가가
            나왔다.</p>
            <p>이어진 인권도시 네트워크 회의에서는 세계지방정부연합 인권위원회를 중심으로 도시들이 한 해의 활동을
            돌아보고, 공동 사업과 정보 공유 방식을 논의했다.</p>
        """),
        "body_en": html("""
            <p>The 11th World Human Rights Cities Forum began its five days on 6 October with pre-forum sessions,
            a first in the forum's history, attended in the hall and online by city officials from Korea and
            abroad.</p>
            <p>The first session presented a human rights course for public officials run by the Raoul
            Wallenberg Institute and Gwangju. Mixing online learning with face-to-face discussion, participants
            said, made it far easier for busy officials to take part.</p>
            <p>At the human rights cities network meeting that followed, cities led by the UCLG committee
            reviewed the past year and discussed joint projects and better ways to share information.</p>
        """),
        "sessions": ["11-pre-education", "11-pre-network"],
        "organizations": ["rwi", "uclg-csipdhr"],
    },
    {
        "slug": "11th-forum-newsletter-opening-day",
        "category": "newsletter",
        "edition": 11,
        "published_at": at("2021-10-07 22:00"),
        "view_count": 1120,
        "title_ko": "포럼 소식지: 개막식, 첫 전체회의, 개막 음악회",
        "title_en": "Forum Newsletter: opening ceremony, first plenary and opening concert",
        "summary_ko": "하이브리드로 열린 개막식과 새로운 사회계약을 다룬 전체회의, 저녁 음악회 소식입니다.",
        "summary_en": "A hybrid opening, a plenary on the new social contract and an evening concert.",
        "body_ko": html("""
            <p>제11회 포럼이 오늘 개막식으로 본 행사의 막을 올렸습니다. 컨벤션홀의 현장 참가자와 온라인
            참가자가 함께한 가운데, 공동 주최 기관들이 영상과 현장 인사로 포럼의 시작을 축하했습니다.</p>
            <p>오후 전체회의에서는 팬데믹이 드러낸 불평등을 넘어설 새로운 사회계약을 논의했습니다. 연사들은
            돌봄과 사회 안전망을 시민의 권리로 보장하는 일에 도시가 앞장서야 한다고 강조했습니다.</p>
            <p>저녁에는 시민 타악 연주단과 광주국제교류센터 합창단이 다목적홀에서 개막 음악회를 열어 첫날을
            마무리했습니다.</p>
        """),
        "body_en": html("""
            <p>The 11th Forum's main programme opened today. With participants in the Convention Hall and online,
            the co-hosts marked the start of the forum with greetings on stage and on video.</p>
            <p>The afternoon plenary discussed a new social contract that moves beyond the inequalities exposed
            by the pandemic. Speakers urged cities to lead in guaranteeing care and social protection as rights
            of every resident.</p>
            <p>In the evening a community percussion ensemble and the Gwangju International Center choir closed
            the first day with a concert in the Multipurpose Hall.</p>
        """),
        "sessions": ["11-opening", "11-plenary", "11-concert"],
    },
    {
        "slug": "11th-forum-youth-talk",
        "category": "news",
        "edition": 11,
        "published_at": at("2021-10-09 21:00"),
        "view_count": 732,
        "title_ko": "청년들이 말하는 인권도시… 유네스코와 함께한 청년 토크",
        "title_en": "Young people on human rights cities: a youth talk with UNESCO",
        "summary_ko": "청년 토크에서 청년 서포터즈와 통역 자원활동가들이 도시 정책에 참여하는 길을 이야기했다.",
        "summary_en": (
            "At the youth talk, young supporters and volunteer interpreters discussed how to take part in city policy."
        ),
        "body_ko": html("""
            <p>9일 다목적홀에서 열린 청년 토크에는 포럼의 청년 인권 서포터즈와 통역 자원활동가들이 연사로
            나섰다. 유네스코가 함께 기획한 이 세션은 청년이 도시 정책에 목소리를 내는 방법을 주제로
            삼았다.</p>
            <p>청년들은 주거비 부담과 불안정한 일자리가 인권의 문제라는 점을 자신들의 경험으로 설명했다.
            또 정책을 만드는 위원회에 청년 몫의 자리를 두고, 결정 과정을 더 투명하게 공개해 달라고
            요청했다.</p>
            <p>세션을 마치며 참가자들은 포럼이 끝난 뒤에도 청년 네트워크를 이어 가기로 뜻을 모았다.</p>
        """),
        "body_en": html("""
            <p>Young human rights supporters and volunteer interpreters took the stage at the youth talk in the
            Multipurpose Hall on 9 October. Co-designed with UNESCO, the session asked how young people can make
            their voices heard in city policy.</p>
            <p>Drawing on their own lives, the speakers explained why high housing costs and insecure jobs are
            human rights issues. They asked for seats reserved for young people on policy committees and for
            more openness about how decisions are made.</p>
            <p>At the end of the session, participants agreed to keep their youth network going after the
            forum.</p>
        """),
        "sessions": ["11-youth"],
        "organizations": ["unesco", "gic"],
    },
    {
        "slug": "11th-forum-closes",
        "category": "news",
        "edition": 11,
        "published_at": at("2021-10-31 17:00"),
        "view_count": 1318,
        "title_ko": "제11회 세계인권도시포럼 폐막… 51개 세션에 약 3,000명 참여",
        "title_en": "11th Forum closes: 51 sessions and nearly 3,000 participants",
        "summary_ko": (
            "닷새간 하이브리드로 열린 제11회 포럼이 10일 막을 내렸다. 76개국 약 322개 도시에서 3,000명 가까이 "
            "참가했다."
        ),
        "summary_en": (
            "The hybrid 11th Forum ended on 10 October after five days, with nearly 3,000 participants from "
            "around 322 cities in 76 countries."
        ),
        "body_ko": html("""
            <p>"도전의 시대, 인권: 새로운 사회계약"을 주제로 한 제11회 세계인권도시포럼이 10일 폐막식을 끝으로
            닷새간의 일정을 마쳤다. 51개 세션에는 76개국 약 322개 도시에서 3,000명 가까운 참가자가
            함께했다.</p>
            <p>폐막식에서는 공동 주최와 공동 기관 관계자들이 세션별 논의 결과를 보고했다. 유엔 인권 체계와
            지방정부의 협력을 강화하는 방안, 그리고 인권과 평등에 기반한 새로운 사회계약의 방향이 핵심
            내용이었다.</p>
            <p>이어 발표된 광주선언문 요지는 기후위기와 감염병처럼 인권과 민주주의를 위협하는 재난 앞에서 인권도시가
            먼저 나서야 한다고 밝혔다. 선언문과 결과 요약은 첨부 파일로 내려받을 수 있다.</p>
            <p>올해 포럼은 사전회의와 청년 프로그램을 새로 늘려 참여의 폭을 넓혔다. 광주광역시는 내년 제12회
            포럼에서 다시 만나기를 기대한다고 전했다.</p>
        """),
        "body_en": html("""
            <p>The 11th World Human Rights Cities Forum, "Human Rights in Times of Challenge: A New Social
            Contract", ended on 10 October after five days. Nearly 3,000 participants from around 322 cities in
            76 countries took part in its 51 sessions.</p>
            <p>At the closing ceremony, representatives of the co-hosts and co-organisers reported on their
            sessions. Two threads ran through the reports: stronger cooperation between local governments and
            the UN human rights system, and the shape of a new social contract based on human rights and
            equality.</p>
            <p>The summary of the Gwangju Declaration that followed calls on human rights cities to lead when
            disasters such as the climate crisis and pandemics threaten human rights and democracy. The
            declaration and a summary of results can be downloaded below.</p>
            <p>This year the forum widened participation with a new pre-forum day and more youth programmes.
            Gwangju looks forward to meeting everyone again at the 12th Forum next year.</p>
        """),
        "sessions": ["11-closing"],
        "organizations": ["unesco", "ohchr", "uclg-csipdhr", "rwi"],
    },
    # 12th forum, 2022 -----------------------------------------------------------------------------------
    {
        "slug": "12th-forum-volunteers",
        "category": "notice",
        "edition": 12,
        "published_at": at("2022-08-16 10:00"),
        "view_count": 347,
        # Korean only: a local call for volunteers.
        "title_ko": "제12회 포럼 통역·안내 자원활동가 모집",
        "summary_ko": "다시 대면으로 열리는 제12회 포럼에서 통역과 안내를 맡아 주실 자원활동가를 찾습니다.",
        "body_ko": html("""
            <p>제12회 세계인권도시포럼이 10월 10일부터 13일까지 김대중컨벤션센터에서 대면으로 열립니다. 오랜만에
            해외 참가자를 직접 맞이하는 만큼, 통역과 안내를 도와주실 자원활동가를 모집합니다.</p>
            <ul>
            <li>통역 분야: 영어, 스페인어, 프랑스어 등 외국어 소통이 가능한 분</li>
            <li>안내 분야: 등록 데스크, 회의장 안내, 장애인 참가자 이동 지원</li>
            </ul>
            <p>사전 교육은 9월 말에 진행하며, 활동 시간에 따라 활동 확인서를 발급해 드립니다. 많은 관심과 참여를
            바랍니다.</p>
            <p>지원서는 9월 16일까지 포럼 누리집에서 받습니다.</p>
        """),
    },
    {
        "slug": "12th-forum-back-in-person",
        "category": "press-release",
        "edition": 12,
        "published_at": at("2022-09-20 10:00"),
        "view_count": 1562,
        "title_ko": "제12회 세계인권도시포럼, '기후위기와 인권' 주제로 대면 개최",
        "title_en": "12th Forum returns in person to tackle the climate crisis and human rights",
        "summary_ko": (
            "제12회 포럼이 10월 10일부터 13일까지 김대중컨벤션센터에서 대면으로 열린다. 320명의 연사가 38개 "
            "프로그램에 나선다."
        ),
        "summary_en": (
            "The 12th Forum takes place in person at the Kim Dae-jung Convention Center, 10–13 October, with "
            "320 speakers across 38 programmes."
        ),
        "body_ko": html("""
            <p>광주광역시는 제12회 세계인권도시포럼을 10월 10일부터 13일까지 김대중컨벤션센터에서 연다고 밝혔다.
            팬데믹 기간 온라인과 하이브리드로 열렸던 포럼이 다시 온전한 대면 행사로 돌아온다.</p>
            <p>올해 주제는 "기후위기와 인권"이다. 폭염과 홍수, 가뭄 같은 기후 재난은 가난한 사람, 노인, 장애인,
            이주민의 삶을 먼저 무너뜨린다. 포럼은 이러한 불평등을 인권의 문제로 보고 도시가 할 수 있는 일을
            찾는다.</p>
            <p>38개 프로그램에는 320명의 연사가 참여하며, 정의로운 전환과 기후 적응, 기후 난민 등 다양한
            쟁점이 다뤄진다.</p>
        """),
        "body_en": html("""
            <p>Gwangju Metropolitan City announced that the 12th World Human Rights Cities Forum will take place
            at the Kim Dae-jung Convention Center from 10 to 13 October. After online and hybrid editions during
            the pandemic, the forum is back as a fully in-person event.</p>
            <p>This year's theme is "Climate Crisis and Human Rights". Heatwaves, floods and droughts hit the
            lives of people in poverty, older people, people with disabilities and migrants first. The forum
            treats this inequality as a human rights issue and looks for what cities can do.</p>
            <p>320 speakers will take part in 38 programmes covering a just transition, climate adaptation,
            climate displacement and more.</p>
        """),
    },
    {
        "slug": "12th-forum-climate-plenary",
        "category": "news",
        "edition": 12,
        "published_at": at("2022-10-11 20:00"),
        "view_count": 1138,
        "title_ko": '"기후위기는 인권 위기"… 전체회의에서 도시의 책임 논의',
        "title_en": "Plenary: the climate crisis is a human rights crisis, and cities must act",
        "summary_ko": (
            "제12회 포럼 전체회의에서 연사들은 기후 대응의 부담이 약자에게 몰리지 않도록 도시가 나서야 한다고 말했다."
        ),
        "summary_en": (
            "At the 12th Forum's plenary, speakers said cities must make sure the cost of climate action does "
            "not fall on the most vulnerable."
        ),
        "body_ko": html("""
            <p>제12회 세계인권도시포럼의 전체회의가 11일 컨벤션홀에서 열렸다. 연사들은 기후위기가 환경 문제를
            넘어 생명과 건강, 주거와 생계의 권리를 위협하는 인권 위기라는 데 한목소리를 냈다.</p>
            <p>특히 탄소 감축 정책이 일자리를 잃는 노동자나 에너지 비용을 감당하기 어려운 가구에 부담을 떠넘기지
            않도록 설계돼야 한다는 지적이 이어졌다. 정의로운 전환은 결국 지역에서, 도시의 정책으로 실현된다는
            것이다.</p>
            <p>참가자들은 폭염 쉼터와 취약 가구 방문 점검처럼 당장 실행할 수 있는 도시 차원의 대책도 함께
            공유했다.</p>
        """),
        "body_en": html("""
            <p>The 12th Forum's plenary met in the Convention Hall on 11 October. Speakers agreed that the climate
            crisis is more than an environmental problem: it is a human rights crisis that threatens life,
            health, housing and livelihoods.</p>
            <p>Several warned that carbon reduction policies must be designed so that they do not shift the
            burden onto workers who lose their jobs or households that cannot afford rising energy bills. A just
            transition, they said, is ultimately delivered locally, through city policy.</p>
            <p>Participants also shared measures cities can take right away, such as heatwave shelters and home
            visits to households at risk.</p>
        """),
    },
    {
        "slug": "12th-forum-closes",
        "category": "news",
        "edition": 12,
        "published_at": at("2022-10-14 10:00"),
        "view_count": 1421,
        "title_ko": "제12회 세계인권도시포럼 폐막… 기후정의를 도시의 과제로",
        "title_en": "12th Forum closes, making climate justice a task for cities",
        "summary_ko": "다시 대면으로 열린 제12회 포럼이 13일 폐막했다. 약 1,800명이 38개 프로그램에 참여했다.",
        "summary_en": (
            "The 12th Forum, back in person, closed on 13 October after 38 programmes with some 1,800 participants."
        ),
        "body_ko": html("""
            <p>제12회 세계인권도시포럼이 13일 나흘간의 일정을 마치고 폐막했다. 다시 대면으로 열린 올해 포럼에는
            약 1,800명이 참가했고, 320명의 연사가 38개 프로그램에서 기후위기와 인권을 논의했다.</p>
            <p>폐막식에서 발표된 선언문은 기후 대응의 모든 단계에서 가장 큰 피해를 입는 사람들의 목소리를 먼저
            들어야 한다고 강조했다. 또 도시들이 기후 적응 계획에 인권 영향 평가를 포함하자고 제안했다.</p>
            <p>오랜만에 얼굴을 맞댄 참가자들은 회의장 밖에서도 도시 간 협력을 약속하며 내년 포럼을
            기약했다.</p>
        """),
        "body_en": html("""
            <p>The 12th World Human Rights Cities Forum closed on 13 October after four days. Back in person, it
            drew some 1,800 participants, and 320 speakers discussed the climate crisis and human rights across
            38 programmes.</p>
            <p>The declaration presented at the closing ceremony stresses that those hit hardest must be heard
            first at every stage of climate action. It also proposes that cities include human rights impact
            assessments in their climate adaptation plans.</p>
            <p>Meeting face to face again after a long time, participants made new commitments to work together
            and promised to return next year.</p>
        """),
    },
    # 13th forum, 2023 -----------------------------------------------------------------------------------
    {
        "slug": "13th-forum-registration-open",
        "category": "notice",
        "edition": 13,
        "published_at": at("2023-08-28 10:00"),
        "view_count": 1276,
        "title_ko": "제13회 세계인권도시포럼 참가 신청 안내",
        "title_en": "Registration open for the 13th World Human Rights Cities Forum",
        "summary_ko": "10월 4일부터 7일까지 열리는 제13회 포럼의 참가 신청을 받습니다.",
        "summary_en": "Registration is open for the 13th Forum, 4–7 October.",
        "body_ko": html("""
            <p>제13회 세계인권도시포럼이 10월 4일부터 7일까지 김대중컨벤션센터에서 열립니다. 올해 주제는
            "빈곤과 불평등에 대응하는 인권도시"입니다.</p>
            <p>참가 신청은 포럼 누리집에서 받으며, 참가비는 없습니다. 전체회의와 주요 세션에는 한국어·영어
            통역과 함께 수어 통역, 실시간 자막이 제공됩니다.</p>
            <p>세션별 상세 일정과 연사 정보는 9월 중순에 공개할 예정입니다.</p>
        """),
        "body_en": html("""
            <p>The 13th World Human Rights Cities Forum takes place at the Kim Dae-jung Convention Center from 4
            to 7 October. This year's theme is "Human Rights Cities Responding to Poverty and
            Inequalities".</p>
            <p>Registration is free on the forum website. Plenary and main sessions offer Korean–English
            interpretation as well as sign language interpretation and live captions.</p>
            <p>The detailed session schedule and speaker list will be published in mid-September.</p>
        """),
    },
    {
        "slug": "13th-forum-opens",
        "category": "press-release",
        "edition": 13,
        "published_at": at("2023-10-04 18:00"),
        "view_count": 1049,
        "title_ko": "제13회 세계인권도시포럼 개막… 빈곤과 불평등에 도시가 답하다",
        "title_en": "13th Forum opens: cities respond to poverty and inequality",
        "summary_ko": "제13회 포럼이 4일 개막해 빈곤과 불평등을 인권의 관점에서 다루는 32개 프로그램을 시작했다.",
        "summary_en": (
            "The 13th Forum opened on 4 October with 32 programmes on poverty and inequality as human rights issues."
        ),
        "body_ko": html("""
            <p>제13회 세계인권도시포럼이 4일 김대중컨벤션센터에서 개막했다. "빈곤과 불평등에 대응하는
            인권도시"를 주제로 7일까지 32개 프로그램이 이어진다.</p>
            <p>포럼은 빈곤을 개인의 책임이 아니라 적절한 주거, 건강, 교육에 대한 권리가 보장되지 않은 상태로
            바라본다. 도시가 사회 서비스를 설계할 때 그 권리를 출발점으로 삼아야 한다는 것이다.</p>
            <p>올해 포럼에는 63개국 168개 도시의 참가자들이 함께하며, 기본소득 실험과 공공 임대주택, 돌봄
            정책 등 각 도시의 시도를 비교한다.</p>
        """),
        "body_en": html("""
            <p>The 13th World Human Rights Cities Forum opened on 4 October at the Kim Dae-jung Convention Center.
            Under the theme "Human Rights Cities Responding to Poverty and Inequalities", 32 programmes run until
            7 October.</p>
            <p>The forum looks at poverty not as a personal failing but as a failure to guarantee the rights to
            adequate housing, health and education. Cities, it argues, should start from those rights when they
            design social services.</p>
            <p>Participants from 168 cities in 63 countries are comparing their experiments, from basic income
            pilots to public rental housing and care policy.</p>
        """),
    },
    {
        "slug": "13th-forum-closes",
        "category": "news",
        "edition": 13,
        "published_at": at("2023-10-09 10:00"),
        "view_count": 1384,
        "title_ko": "제13회 세계인권도시포럼 폐막… 2,000여 명이 함께한 나흘",
        "title_en": "13th Forum closes after four days with more than 2,000 participants",
        "summary_ko": "빈곤과 불평등을 다룬 제13회 포럼이 7일 폐막했다. 63개국 168개 도시에서 2,000명 넘게 참가했다.",
        "summary_en": (
            "The 13th Forum on poverty and inequality closed on 7 October, having drawn more than 2,000 people "
            "from 168 cities in 63 countries."
        ),
        "body_ko": html("""
            <p>제13회 세계인권도시포럼이 7일 폐막식을 끝으로 막을 내렸다. 63개국 168개 도시에서 2,000명이 넘는
            참가자가 32개 프로그램에 함께했다.</p>
            <p>참가자들은 불평등을 줄이는 일이 복지 부서만의 몫이 아니라 도시 행정 전체의 과제라는 데 뜻을
            모았다. 예산을 짤 때부터 가장 어려운 주민에게 어떤 영향을 미치는지 따져 보자는 제안이 나왔다.</p>
            <h2>다음 포럼을 향한 제안</h2>
            <ul>
            <li>빈곤층 당사자가 정책 결정에 참여하는 구조 만들기</li>
            <li>도시 간 불평등 지표 공동 개발</li>
            </ul>
            <p>포럼 사무국은 세션별 논의를 정리한 결과 자료를 연말까지 누리집에 공개할 예정이다.</p>
        """),
        "body_en": html("""
            <p>The 13th World Human Rights Cities Forum ended with its closing ceremony on 7 October. More than
            2,000 participants from 168 cities in 63 countries took part in 32 programmes.</p>
            <p>Participants agreed that reducing inequality is a task for the whole city administration, not only
            its welfare department. One proposal: check the effect of every budget on the poorest residents
            from the moment it is drafted.</p>
            <h2>Proposals for the next forum</h2>
            <ul>
            <li>Give people living in poverty a real place in policy decisions</li>
            <li>Develop shared inequality indicators between cities</li>
            </ul>
            <p>The secretariat plans to publish a summary of every session's discussion on the website by the end
            of the year.</p>
        """),
    },
    # 14th forum, 2024 -----------------------------------------------------------------------------------
    {
        "slug": "14th-forum-registration-open",
        "category": "notice",
        "edition": 14,
        "published_at": at("2024-08-26 10:00"),
        "view_count": 978,
        "pinned": True,
        "title_ko": "제14회 세계인권도시포럼 참가 신청 안내",
        "title_en": "Registration open for the 14th World Human Rights Cities Forum",
        "summary_ko": (
            "10월 10일과 11일 이틀 동안 열리는 제14회 포럼의 참가 신청을 받습니다. 프로그램 안내서를 첨부합니다."
        ),
        "summary_en": (
            "Registration is open for the two-day 14th Forum, 10–11 October. The programme overview is attached."
        ),
        "body_ko": html("""
            <p>제14회 세계인권도시포럼이 10월 10일과 11일 이틀 동안 김대중컨벤션센터에서 열립니다. 올해 주제는
            "시민공간과 인권도시"로, 6개 분야 20개 프로그램이 준비돼 있습니다.</p>
            <p>참가 신청은 포럼 누리집에서 받으며, 약 600명이 참가할 것으로 예상됩니다. 전체 프로그램 안내서는
            첨부 파일에서 내려받을 수 있습니다.</p>
            <p>장애인 편의 지원, 어린이 동반 참가 등 도움이 필요하시면 신청서에 적어 주십시오.</p>
        """),
        "body_en": html("""
            <p>The 14th World Human Rights Cities Forum takes place at the Kim Dae-jung Convention Center on 10
            and 11 October. This year's theme is "Civic Space and Human Rights Cities", with 20 programmes in
            six fields.</p>
            <p>Please register on the forum website; around 600 participants are expected. The full programme
            overview can be downloaded below.</p>
            <p>If you need accessibility support or are coming with children, please tell us in the form.</p>
        """),
    },
    {
        "slug": "14th-forum-media-accreditation",
        "category": "notice",
        "edition": 14,
        "published_at": at("2024-09-30 10:00"),
        "view_count": 214,
        # Korean only: accreditation for domestic press.
        "title_ko": "제14회 포럼 취재 신청 안내",
        "summary_ko": "제14회 포럼을 취재하실 언론인께서는 10월 7일까지 취재 신청을 해 주십시오.",
        "body_ko": html("""
            <p>제14회 세계인권도시포럼을 취재하실 언론인께서는 10월 7일까지 사무국 전자우편으로 취재 신청서를
            보내 주십시오. 신청서에는 매체명, 취재 기자와 촬영 기자의 이름, 연락처를 적어 주시면 됩니다.</p>
            <p>승인된 분께는 행사 당일 등록 데스크에서 취재증을 드립니다. 개막식과 전체회의는 지정된 구역에서
            촬영할 수 있습니다.</p>
            <p>보도자료와 사진은 행사 기간 동안 매일 저녁 누리집 보도자료 게시판에 올립니다.</p>
        """),
    },
    {
        "slug": "14th-forum-closes",
        "category": "news",
        "edition": 14,
        "published_at": at("2024-10-14 10:00"),
        "view_count": 1157,
        "pinned": True,
        "title_ko": "제14회 세계인권도시포럼 폐막… 시민공간을 지키는 도시의 역할 확인",
        "title_en": "14th Forum closes, affirming the role of cities in protecting civic space",
        "summary_ko": (
            "이틀간 열린 제14회 포럼이 11일 막을 내렸다. 참가자들은 시민이 모이고 "
            "말할 자유를 지키는 도시의 책임을 확인했다."
        ),
        "summary_en": (
            "The two-day 14th Forum ended on 11 October, with participants affirming cities' duty to protect "
            "people's freedom to gather and speak."
        ),
        "body_ko": html("""
            <p>"시민공간과 인권도시"를 주제로 한 제14회 세계인권도시포럼이 11일 폐막했다. 이틀 동안 6개 분야
            20개 프로그램에서 시민이 자유롭게 모이고 말하고 참여할 권리를 논의했다.</p>
            <p>전체회의에서 연사들은 세계 곳곳에서 시민공간이 좁아지는 흐름을 짚으며, 지방정부가 광장과 공공시설을
            시민에게 열어 두고 시민사회와의 대화 창구를 넓혀야 한다고 말했다.</p>
            <p>디지털 공간을 다룬 주제회의에서는 온라인 참여를 넓히는 동시에 혐오 표현과 감시로부터 시민을
            보호하는 균형이 과제로 꼽혔다.</p>
            <p>광주광역시는 이번 논의를 바탕으로 시민 참여 제도를 점검하고, 다음 포럼에서 그 결과를 공유할
            계획이다.</p>
        """),
        "body_en": html("""
            <p>The 14th World Human Rights Cities Forum, "Civic Space and Human Rights Cities", closed on 11
            October. Over two days, 20 programmes in six fields discussed people's right to gather, speak out and
            take part freely.</p>
            <p>At the plenary, speakers traced how civic space is shrinking around the world and said local
            governments should keep squares and public buildings open to citizens and widen their channels of
            dialogue with civil society.</p>
            <p>A thematic session on digital space named the balance to strike: widening participation online
            while protecting residents from hate speech and surveillance.</p>
            <p>Gwangju plans to review its own citizen participation schemes in light of the discussion and
            report back at the next forum.</p>
        """),
        "sessions": ["14-opening", "14-plenary", "14-thematic-digital", "14-closing"],
    },
    {
        "slug": "14th-forum-photo-review",
        "category": "news",
        "edition": 14,
        "status": Post.Status.DRAFT,
        "published_at": at("2024-10-25 10:00"),
        "view_count": 0,
        "title_ko": "사진으로 돌아보는 제14회 세계인권도시포럼",
        "title_en": "The 14th World Human Rights Cities Forum in pictures",
        "summary_ko": "이틀간의 포럼 현장을 사진으로 정리하고 있습니다.",
        "summary_en": "A photo review of the two days of the forum, in preparation.",
        "body_ko": html("""
            <p>개막식부터 폐막식까지, 제14회 포럼의 순간들을 사진으로 모았습니다.</p>
            <p>사진 설명과 촬영자 표기는 검토 중입니다.</p>
            <p>게시 전에 초상권 동의 여부를 확인해 주세요.</p>
        """),
        "body_en": html("""
            <p>From the opening to the closing ceremony, moments of the 14th Forum in pictures.</p>
            <p>Captions and photo credits are still being reviewed.</p>
            <p>Please confirm consent from everyone pictured before publishing.</p>
        """),
    },
    {
        "slug": "14th-forum-results-report",
        "category": "notice",
        "edition": 14,
        "published_at": None,  # scheduled: set once, SCHEDULED_AHEAD after the first load
        "view_count": 0,
        "title_ko": "제14회 세계인권도시포럼 결과보고서 공개",
        "title_en": "Report on the 14th World Human Rights Cities Forum now available",
        "summary_ko": "제14회 포럼의 세션별 논의와 제안을 정리한 결과보고서를 공개합니다.",
        "summary_en": "The report on the 14th Forum, with the discussions and proposals of each session, is out.",
        "body_ko": html("""
            <p>제14회 세계인권도시포럼의 결과보고서를 공개합니다. 보고서에는 20개 프로그램의 논의 요약과 연사
            명단, 참가자 설문 결과가 담겨 있습니다.</p>
            <p>보고서는 한국어와 영어로 발간되며, 포럼 누리집 자료실에서 누구나 내려받을 수 있습니다.</p>
            <p>보고서에 대한 의견은 사무국으로 보내 주시면 다음 포럼 준비에 반영하겠습니다.</p>
        """),
        "body_en": html("""
            <p>The report on the 14th World Human Rights Cities Forum is now available. It summarises the
            discussions of all 20 programmes and includes the speaker list and the results of the participant
            survey.</p>
            <p>The report is published in Korean and English and can be downloaded by anyone from the forum
            website.</p>
            <p>Please send your comments to the secretariat; they will feed into the preparation of the next
            forum.</p>
        """),
    },
]

# Attachments: small one-page PDFs generated on the fly, so the demo ships no binary files.
ATTACHMENTS = [
    {
        "post": "10th-forum-closes",
        "order": 1,
        "file_name": "gwangju-declaration-2020.pdf",
        "title_ko": "제10회 세계인권도시포럼 광주선언문",
        "title_en": "Gwangju Declaration of the 10th World Human Rights Cities Forum",
        "text": ["Gwangju Declaration", "10th World Human Rights Cities Forum, 7-10 October 2020 (online)"],
    },
    {
        "post": "11th-forum-closes",
        "order": 1,
        "file_name": "gwangju-declaration-2021.pdf",
        "title_ko": "제11회 세계인권도시포럼 광주선언문",
        "title_en": "Gwangju Declaration of the 11th World Human Rights Cities Forum",
        "text": ["Gwangju Declaration", "11th World Human Rights Cities Forum, 6-10 October 2021 (hybrid)"],
    },
    {
        "post": "11th-forum-closes",
        "order": 2,
        "file_name": "results-summary-2021.pdf",
        "title_ko": "제11회 포럼 결과 요약",
        "title_en": "11th Forum: results at a glance",
        "text": ["Results at a glance", "51 sessions - about 3,000 participants - 322 cities - 76 countries"],
    },
    {
        "post": "14th-forum-registration-open",
        "order": 1,
        "file_name": "programme-2024.pdf",
        "title_ko": "제14회 포럼 프로그램 안내서",
        "title_en": "14th Forum programme overview",
        "text": ["Programme overview", "14th World Human Rights Cities Forum, 10-11 October 2024"],
    },
]

# Legacy URLs ------------------------------------------------------------------------------------------------

# Links into the old site (news/old_site.py) and where they lead now: a post (by slug), an edition (by
# number), an address of this site, or nowhere (gone for good).
LEGACY_URLS = [
    {
        "old_path": "/bbs/board.php",
        "old_query": "bo_table=news&wr_id=63",
        "language": "ko",
        "post": "11th-forum-closes",
    },
    {
        "old_path": "/bbs/board.php",
        "old_query": "bo_table=news_eng&wr_id=33",
        "language": "en",
        "post": "11th-forum-closes",
    },
    {"old_path": "/news/", "old_query": "idx=12", "language": "ko", "post": "14th-forum-closes"},
    {"old_path": "/E_p2100.php", "old_query": "", "language": "en", "edition": 13},
    {"old_path": "/E_p2100_2020.php", "old_query": "", "language": "en", "edition": 10},
    {"old_path": "/PastForum/2018.php", "old_query": "", "language": "ko", "edition": 8},
    {"old_path": "/E_p1100.php", "old_query": "", "language": "en", "target_url": "/en/forums/"},
    {"old_path": "/bbs/board.php", "old_query": "bo_table=notice&wr_id=5", "language": "ko", "gone": True},
]

# Declarations -----------------------------------------------------------------------------------------------

# Each adopted on the last day of its forum. A paragraph's number is its anchor on the site (#p1, #p2…).
DECLARATIONS = [
    {
        "edition": 10,
        "title_ko": "제10회 세계인권도시포럼 광주선언문",
        "title_en": "Gwangju Declaration of the 10th World Human Rights Cities Forum",
        "file_name": "declaration-2020.pdf",
        "text": ["Gwangju Declaration", "10th World Human Rights Cities Forum, October 2020 (online)"],
        "paragraphs": [
            (
                "우리 인권도시들은 코로나19 대유행으로 처음 온라인에서 만났지만, 거리를 넘어 서로의 경험을 나누며 "
                "연대를 확인하였다.",
                "We, human rights cities, met online for the first time because of the COVID-19 pandemic, and found "
                "that distance did not stop us from sharing what we have learned.",
            ),
            (
                "5·18민주화운동 40주년을 맞아, 우리는 국가폭력의 기억을 지우지 않고 다음 세대의 인권교육으로 이어 "
                "가는 것이 도시의 책임임을 확인한다.",
                "On the 40th anniversary of the May 18 Democratic Uprising, we affirm that a city's duty is to keep "
                "the memory of state violence alive and to pass it on through human rights education.",
            ),
            (
                "감염병 위기 속에서도 이주민, 장애인, 노인처럼 가장 취약한 주민이 방역과 돌봄에서 밀려나지 않도록 "
                "지방정부의 정책을 점검한다.",
                "In a health crisis, local governments will review their policies so that migrants, persons with "
                "disabilities, older people and other residents at risk are not left out of protection and care.",
            ),
            (
                "우리는 지역의 기억과 실천을 세계와 나누기 위해 인권도시 사이의 정보 교환과 공동 연구를 꾸준히 "
                "이어 간다.",
                "To share local memories and practice with the world, we will keep exchanging information and "
                "carrying out joint research among human rights cities.",
            ),
        ],
    },
    {
        "edition": 11,
        "title_ko": "제11회 세계인권도시포럼 광주선언문",
        "title_en": "Gwangju Declaration of the 11th World Human Rights Cities Forum",
        "file_name": "declaration-2021.pdf",
        "text": ["Gwangju Declaration", "11th World Human Rights Cities Forum, October 2021 (hybrid)"],
        "paragraphs": [
            (
                "팬데믹과 기후위기는 불평등이 누구의 삶을 먼저 무너뜨리는지 보여 주었다. 우리는 인권과 평등에 기반한 "
                "새로운 사회계약이 필요하다는 데 뜻을 모은다.",
                "The pandemic and the climate crisis have shown whose lives inequality breaks first. We agree that "
                "a new social contract founded on human rights and equality is needed.",
            ),
            (
                "새로운 사회계약은 도시에서 시작된다. 지방정부는 주민 누구나 주거, 보건, 교육, 일자리에 닿을 수 "
                "있도록 공공서비스를 설계한다.",
                "A new social contract starts in cities. Local governments will design public services so that "
                "every resident can reach housing, health care, education and work.",
            ),
            (
                "우리는 정책을 만들고 평가하는 모든 단계에 주민, 특히 청년과 소수자 집단의 참여를 보장한다.",
                "We will guarantee the participation of residents, young people and minority groups in particular, "
                "at every stage of making and assessing policy.",
            ),
            (
                "디지털 전환이 새로운 차별을 낳지 않도록 개인정보 보호와 디지털 접근권을 인권도시의 과제로 삼는다.",
                "So that the digital transition does not create new forms of discrimination, we make privacy and "
                "access to digital services part of the work of a human rights city.",
            ),
            (
                "우리는 이 선언의 이행 상황을 다음 포럼에서 함께 점검한다.",
                "We will review together at the next forum how this declaration has been put into practice.",
            ),
        ],
    },
    {
        "edition": 12,
        "title_ko": "제12회 세계인권도시포럼 광주선언문",
        "title_en": "Gwangju Declaration of the 12th World Human Rights Cities Forum",
        "file_name": "declaration-2022.pdf",
        "text": ["Gwangju Declaration", "12th World Human Rights Cities Forum, October 2022"],
        "paragraphs": [
            (
                "기후위기는 인권의 위기이다. 폭염과 홍수, 가뭄은 가난한 이웃과 노동자, 노인과 아동의 권리를 가장 "
                "먼저 위협한다.",
                "The climate crisis is a human rights crisis. Heatwaves, floods and droughts threaten first the "
                "rights of poorer neighbours, workers, older people and children.",
            ),
            (
                "우리 도시들은 탄소중립 계획을 세울 때 그 부담과 혜택이 공정하게 나뉘는지 인권의 관점에서 살핀다.",
                "When our cities plan for carbon neutrality, we will examine from a human rights perspective whether "
                "its burdens and benefits are shared fairly.",
            ),
            (
                "재난 대응 계획에는 장애인과 이주민처럼 경보와 대피에서 소외되기 쉬운 주민을 위한 방안을 반드시 "
                "담는다.",
                "Disaster plans will always include measures for residents who are easily cut off from warnings and "
                "evacuation, such as persons with disabilities and migrants.",
            ),
            (
                "우리는 기후정의를 위해 행동하는 시민사회와 청년의 목소리를 도시 정책에 반영하고, 그 경험을 세계의 "
                "도시들과 나눈다.",
                "We will bring the voices of civil society and young people acting for climate justice into city "
                "policy, and share what we learn with cities around the world.",
            ),
        ],
    },
]

# Generated images and files -----------------------------------------------------------------------------

LOGO_SIZE = (240, 120)
COVER_SIZE = (1200, 675)
# Cover gradients, one pair per edition, so that a year's covers belong together in a list.
COVER_COLOURS = {
    7: ("#1b3a6b", "#2f8f9d"),
    8: ("#3b2c74", "#c0587e"),
    9: ("#123c5a", "#3fa37a"),
    10: ("#0e2f5a", "#1f8fbf"),
    11: ("#402060", "#e07a3f"),
    12: ("#0f4c3a", "#78b04b"),
    13: ("#5a1f2e", "#e0a43f"),
    14: ("#13315c", "#d1495b"),
}


def logo_image(label, colour):
    """A stand-in logo: the label in white on a rounded rectangle of the organization's colour."""
    width, height = LOGO_SIZE
    image = Image.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=24, fill=colour)
    size = 44
    while ImageFont.load_default(size=size).getlength(label) > width - 40:
        size -= 2
    draw.text((width / 2, height / 2), label, font=ImageFont.load_default(size=size), fill="white", anchor="mm")
    return image_file(image, "PNG")


def cover_image(edition, seed):
    """The edition's gradient, a few translucent circles placed by `seed` (the same on every install) and the year."""
    width, height = COVER_SIZE
    start, end = COVER_COLOURS[edition.number]
    # White at the left edge, so the darker start colour sits behind the text.
    mask = Image.linear_gradient("L").rotate(-90).resize(COVER_SIZE)
    image = Image.composite(Image.new("RGB", COVER_SIZE, start), Image.new("RGB", COVER_SIZE, end), mask)
    circles = Image.new("RGBA", COVER_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(circles)
    rng = random.Random(seed)
    for _ in range(4):
        x, y, radius = rng.randrange(width), rng.randrange(height), rng.randrange(80, 280)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 36))
    image = Image.alpha_composite(image.convert("RGBA"), circles).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.text((80, 110), "WHRCF", font=ImageFont.load_default(size=44), fill="white", anchor="ls")
    draw.text((72, height - 72), str(edition.year), font=ImageFont.load_default(size=220), fill="white", anchor="ls")
    return image_file(image, "JPEG", quality=85)


def cover_alt(year):
    return {
        "cover_alt_ko": f"‘{year}’ 숫자와 반투명한 원을 얹은 그라데이션 표지 그림",
        "cover_alt_en": f"Cover graphic: the year {year} in large digits over a colour gradient with soft circles",
    }


def image_file(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return ContentFile(buffer.getvalue())


def pdf_file(lines):
    """A valid one-page PDF showing `lines` (ASCII) in Helvetica: small, and opens in any viewer."""
    lines = [*lines, "Placeholder generated by the load_demo command for the demo site."]
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    stream = "BT /F1 16 Tf 22 TL 72 780 Td " + " ".join(f"({line}) '" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    pdf += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return ContentFile(bytes(pdf))


# The command ------------------------------------------------------------------------------------------------


class Command(BaseCommand):
    help = "Load demo editions, partners, sessions and news in Korean and English. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        organizations = self.load_organizations()
        editions = self.load_editions(organizations)
        sessions = self.load_sessions(editions, organizations)
        categories = self.load_categories()
        posts = self.load_posts(categories, editions, sessions, organizations)
        self.load_attachments(posts)
        self.load_declarations(editions)
        self.load_legacy_urls(posts, editions)
        self.ensure_staff_login()
        self.stdout.write(
            f"Demo data: {len(editions)} editions, {len(organizations)} organizations, "
            f"{len(sessions)} sessions, {len(posts)} posts."
        )

    def load_organizations(self):
        organizations = {}
        for item in ORGANIZATIONS:
            fields = dict(item)
            slug = fields.pop("slug")
            label, colour = fields.pop("logo")
            fields.update(logo_alt_ko=f"{fields['name_ko']} 로고", logo_alt_en=f"{fields['name_en']} logo")
            organization, _ = Organization.objects.update_or_create(slug=slug, defaults=fields)
            if not organization.logo:
                organization.logo.save(f"{slug}.png", logo_image(label, colour))
            organizations[slug] = organization
        return organizations

    def load_editions(self, organizations):
        editions = {}
        for item in EDITIONS:
            fields = {**EDITION_DEFAULTS, **item}
            number = fields.pop("number")
            editions[number], _ = Edition.objects.update_or_create(number=number, defaults=fields)
        for number, edition in editions.items():
            roles = [(slug, role) for slug, role, first, last in PARTNERS if first <= number <= last]
            for order, (slug, role) in enumerate(roles, start=1):
                EditionPartner.objects.update_or_create(
                    edition=edition, organization=organizations[slug], role=role, defaults={"order": order}
                )
        return editions

    def load_sessions(self, editions, organizations):
        sessions = {}
        for number, items in SESSIONS.items():
            for item in items:
                fields = dict(item)
                ref = fields.pop("ref")
                organizer_slugs = fields.pop("organizers")
                speakers = fields.pop("speakers")
                # One room holds one session at a time, while parallel sessions share a start time.
                session, _ = Session.objects.update_or_create(
                    edition=editions[number],
                    starts_at=fields.pop("starts_at"),
                    room_ko=fields.pop("room_ko"),
                    defaults=fields,
                )
                session.organizers.set([organizations[slug] for slug in organizer_slugs])
                for order, (name_ko, name_en, affiliation_ko, affiliation_en, role) in enumerate(speakers, start=1):
                    Speaker.objects.update_or_create(
                        session=session,
                        order=order,
                        defaults={
                            "name_ko": name_ko,
                            "name_en": name_en,
                            "affiliation_ko": affiliation_ko,
                            "affiliation_en": affiliation_en,
                            "role": role,
                        },
                    )
                sessions[ref] = session
        return sessions

    def load_categories(self):
        categories = {}
        for item in CATEGORIES:
            fields = dict(item)
            slug = fields.pop("slug")
            categories[slug], _ = Category.objects.update_or_create(slug=slug, defaults=fields)
        return categories

    def load_posts(self, categories, editions, sessions, organizations):
        posts = {}
        for item in POSTS:
            fields = {**POST_DEFAULTS, **item}
            slug = fields.pop("slug")
            session_refs = fields.pop("sessions")
            organization_slugs = fields.pop("organizations")
            edition = editions[fields.pop("edition")]
            fields.update(category=categories[fields["category"]], edition=edition, **cover_alt(edition.year))
            if not fields["title_en"]:  # a Korean-only post has no English text at all, alt text included
                fields["cover_alt_en"] = ""
            create_defaults = None
            if fields["published_at"] is None:
                # Scheduled relative to the first load, then left alone so that reruns change nothing.
                del fields["published_at"]
                create_defaults = {**fields, "published_at": timezone.now() + SCHEDULED_AHEAD}
            post, _ = Post.objects.update_or_create(slug=slug, defaults=fields, create_defaults=create_defaults)
            post.sessions.set([sessions[ref] for ref in session_refs])
            post.organizations.set([organizations[org_slug] for org_slug in organization_slugs])
            if not post.cover:
                post.cover.save(f"{slug}.jpg", cover_image(edition, seed=slug))
            posts[slug] = post
        return posts

    def load_declarations(self, editions):
        for item in DECLARATIONS:
            edition = editions[item["edition"]]
            declaration, _ = Declaration.objects.update_or_create(
                edition=edition,
                defaults={
                    "title_ko": item["title_ko"],
                    "title_en": item["title_en"],
                    "adopted_on": edition.ends_on,
                    "is_published": True,
                },
            )
            for number, (text_ko, text_en) in enumerate(item["paragraphs"], start=1):
                DeclarationParagraph.objects.update_or_create(
                    declaration=declaration,
                    number=number,
                    defaults={"order": number, "text_ko": text_ko, "text_en": text_en},
                )
            if not declaration.pdf:
                declaration.pdf.save(item["file_name"], pdf_file(item["text"]))

    def load_attachments(self, posts):
        for item in ATTACHMENTS:
            attachment, _ = Attachment.objects.update_or_create(
                post=posts[item["post"]],
                order=item["order"],
                defaults={"title_ko": item["title_ko"], "title_en": item["title_en"]},
            )
            if not attachment.file:
                attachment.file.save(item["file_name"], pdf_file(item["text"]))

    def load_legacy_urls(self, posts, editions):
        for item in LEGACY_URLS:
            LegacyURL.objects.update_or_create(
                old_path=item["old_path"],
                old_query=item["old_query"],
                defaults={
                    "language": item["language"],
                    "status": LegacyURL.Status.GONE if item.get("gone") else LegacyURL.Status.MOVED,
                    "post": posts.get(item.get("post")),
                    "edition": editions.get(item.get("edition")),
                    "target_url": item.get("target_url", ""),
                },
            )

    def ensure_staff_login(self):
        user_model = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Demo staff login {username} already exists; its password is unchanged.")
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email="", password=password)
        # Printed once, at creation: the password is stored only as a hash.
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        self.stdout.write(f"Demo staff login: {username} / {password} ({admin_url})")
