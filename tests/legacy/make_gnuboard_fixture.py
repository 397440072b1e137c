"""
Makes tests/legacy/data/gnuboard5/: a dump written by gnuboard5 itself, for the import tests.

Runs the real gnuboard5 (its source from a git directory or a folder, PHP 8.2 php-fpm, nginx,
the machine's MariaDB), installs it with its own web installer, creates the boards in its
admin, and writes everything as an editor of the old site did, through gnuboard's own PHP
forms over HTTP: posts in Korean and English, a table, a secret post, a reply, comments, a
YouTube video, an external image, photos uploaded through SmartEditor2's uploader,
plain-text posts with addresses, attachments with Korean names that readers then download,
and readers' views. Then `mysqldump` with its default options and a copy of data/file and
data/editor.

Not run by CI: it documents how the committed fixture was made, and remakes it:

    make gnuboard-fixture GNUBOARD5=/path/to/gnuboard5(.git)

Needs php8.2-fpm, php8.2-mysql, php8.2-gd, php8.2-mbstring, nginx (Debian packages) and a
MariaDB on 127.0.0.1:3306 whose root needs no password. Every server it starts it stops by
pid; the database it uses (g5_fixture) is dropped and made again.
"""

import argparse
import html.parser
import io
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

import requests
from PIL import Image

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "data" / "gnuboard5"
DATABASE = "g5_fixture"
PORT = 19400
BASE = f"http://127.0.0.1:{PORT}"
# The old site's name: gnuboard writes it into the addresses of editor images.
OLD_SITE = "http://www.whrcf.org"
ADMIN = ("admin", "fixture-admin-1")
TABLES = ("g5_write_news", "g5_write_news_eng", "g5_board_file")
# Korean board: the year categories and the press releases of the old site, and one the new
# site has no counterpart for. The English board is the Korean board's twin.
NEWS_CATEGORIES = "2020|2021|보도자료|공모전"
NEWS_ENG_CATEGORIES = "2020|2021|Press release"
YOUTUBE = (
    '<iframe width="640" height="360" src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" '
    'allow="accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>'
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gnuboard5", type=Path, help="gnuboard5's git directory (bare or not) or source folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write (replaced)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gnuboard-fixture-") as work:
        work = Path(work)
        root = unpack(arguments.gnuboard5, work / "www")
        reset_database()
        with php_fpm(work, root) as socket, nginx(work, root, socket):
            install()
            admin = login(*ADMIN)
            create_board(admin, "news", "뉴스", NEWS_CATEGORIES)
            create_board(admin, "news_eng", "News", NEWS_ENG_CATEGORIES)
            twins = write_content(admin)
        export(root, twins, arguments.output)
    print(f"Wrote {arguments.output}")


def unpack(source, root):
    root.mkdir()
    if (source / "HEAD").is_file() or (source / ".git").exists():
        git_dir = source if (source / "HEAD").is_file() else source / ".git"
        archive = subprocess.run(
            ["git", "--git-dir", str(git_dir), "archive", "HEAD"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    else:
        shutil.copytree(source, root, dirs_exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    return root


def mysql(sql, database=None):
    command = ["mysql", "-h127.0.0.1", "-P3306", "-uroot", "--default-character-set=utf8mb4"]
    subprocess.run([*command, *([database] if database else []), "-e", sql], check=True)


def reset_database():
    mysql(f"DROP DATABASE IF EXISTS {DATABASE}; CREATE DATABASE {DATABASE} CHARACTER SET utf8")


@contextmanager
def php_fpm(work, root):
    socket = work / "php-fpm.sock"
    config = work / "php-fpm.conf"
    config.write_text(
        f"[global]\npid = {work}/php-fpm.pid\nerror_log = {work}/php-fpm.log\ndaemonize = no\n"
        f"[www]\nlisten = {socket}\npm = static\npm.max_children = 2\n"
        "php_admin_value[upload_max_filesize] = 8M\nphp_admin_value[post_max_size] = 16M\n"
        "php_admin_value[date.timezone] = Asia/Seoul\ncatch_workers_output = yes\n"
    )
    process = subprocess.Popen(["php-fpm8.2", "--nodaemonize", "--fpm-config", str(config), "-R"])
    try:
        wait_for(socket.exists, "php-fpm")
        yield socket
    finally:
        stop(process)


@contextmanager
def nginx(work, root, socket):
    config = work / "nginx.conf"
    config.write_text(
        f"""user root root; daemon off; pid {work}/nginx.pid; error_log {work}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types; access_log off; client_max_body_size 16m;
  client_body_temp_path {work}/body; fastcgi_temp_path {work}/fastcgi;
  proxy_temp_path {work}/proxy; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  server {{
    listen 127.0.0.1:{PORT}; root {root}; index index.php;
    location ~ \\.php$ {{
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
      fastcgi_param SERVER_PORT 80;
      fastcgi_pass unix:{socket};
    }}
  }}
}}
"""
    )
    process = subprocess.Popen(["nginx", "-c", str(config), "-p", str(work)])
    try:
        wait_for(lambda: answers(BASE + "/install/"), "nginx")
        yield
    finally:
        stop(process)


def answers(url):
    try:
        return requests.get(url, timeout=2).status_code < 500
    except requests.ConnectionError:
        return False


def wait_for(ready, name):
    for _attempt in range(100):
        if ready():
            return
        time.sleep(0.1)
    raise SystemExit(f"{name} did not start")


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# The old site's forms


class Forms(html.parser.HTMLParser):
    """The fields of a page's forms as a browser would send them: {form name: {field: value}}."""

    def __init__(self):
        super().__init__()
        self.forms, self.form, self.select, self.textarea = {}, None, None, None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "form":
            self.form = self.forms.setdefault(attributes.get("name") or attributes.get("id") or "", {})
        elif self.form is None or attributes.get("disabled") is not None:
            return
        elif tag == "input" and attributes.get("name"):
            kind = attributes.get("type", "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.form[attributes["name"]] = attributes.get("value", "on")
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                self.form[attributes["name"]] = attributes.get("value", "")
        elif tag == "select" and attributes.get("name"):
            self.select = attributes["name"]
            self.form.setdefault(self.select, None)
        elif tag == "option" and self.select:
            if self.form.get(self.select) is None or "selected" in attributes:
                self.form[self.select] = attributes.get("value", "")
        elif tag == "textarea" and attributes.get("name"):
            self.textarea = attributes["name"]
            self.form[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.form[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.form = None


def forms_of(response):
    parser = Forms()
    parser.feed(response.text)
    return parser.forms


def checked(response):
    """gnuboard answers a refused form with 200 and an alert() script: make that an error."""
    response.raise_for_status()
    alert = re.search(r"<script[^>]*>\s*alert\(\"(.*?)\"\)", response.text, re.DOTALL)
    if alert:
        raise SystemExit(f"gnuboard refused {response.url}: {alert[1]}")
    return response


def browser():
    """A reader's or editor's browser, asking for the old site by its name."""
    session = requests.Session()
    session.headers["Host"] = OLD_SITE.removeprefix("http://")
    return session


def on_test_server(url):
    return url.replace(OLD_SITE, BASE)


def install():
    session = browser()
    checked(
        session.post(
            BASE + "/install/install_db.php",
            data={
                "mysql_host": "127.0.0.1",
                "mysql_user": "root",
                "mysql_pass": "",
                "mysql_db": DATABASE,
                "table_prefix": "g5_",
                "g5_shop_prefix": "g5_shop_",
                "admin_id": ADMIN[0],
                "admin_pass": ADMIN[1],
                "admin_name": "최고관리자",
                "admin_email": "admin@example.org",
            },
        )
    )


def login(member_id, password):
    session = browser()
    session.get(BASE + "/bbs/login.php")
    checked(
        session.post(
            BASE + "/bbs/login_check.php",
            data={"mb_id": member_id, "mb_password": password, "url": "/"},
            allow_redirects=False,
        )
    )
    return session


def create_board(admin, table, subject, categories):
    """The admin's board form, as shown, with the board's own settings: SmartEditor2,
    secret posts, categories, downloads and replies for everyone."""
    page = checked(admin.get(BASE + "/adm/board_form.php"))
    fields = forms_of(page)["fboardform"]
    key = re.search(r'g5_admin_csrf_token_key = "([^"]*)"', page.text)[1]
    fields |= {
        "token": admin_token(admin, key, OLD_SITE + "/adm/board_form.php"),
        "gr_id": "community",
        "bo_table": table,
        "bo_subject": subject,
        "bo_use_category": "1",
        "bo_category_list": categories,
        "bo_use_dhtml_editor": "1",
        "bo_select_editor": "smarteditor2",
        "bo_use_secret": "1",
        "bo_list_level": "1",
        "bo_read_level": "1",
        "bo_download_level": "1",
        "bo_upload_count": "3",
        "bo_upload_size": "1048576",
    }
    referer = OLD_SITE + "/adm/board_form.php"
    checked(admin.post(BASE + "/adm/board_form_update.php", data=fields, headers={"Referer": referer}))


def admin_token(admin, key, referer):
    answer = admin.post(
        BASE + "/adm/ajax.token.php", data={"admin_csrf_token_key": key}, headers={"Referer": referer}
    ).json()
    if answer["error"]:
        raise SystemExit(f"gnuboard refused an admin token: {answer['error']}")
    return answer["token"]


def write(session, board, subject, content, *, category="", options=(), files=(), reply_to=None):
    """bbs/write.php's form, sent as its page sends it (a write token asked for first); the new wr_id."""
    query = {"bo_table": board} | ({"w": "r", "wr_id": reply_to} if reply_to else {})
    page = checked(session.get(BASE + "/bbs/write.php", params=query))
    fields = forms_of(page)["fwrite"]
    token = session.get(BASE + "/bbs/write_token.php", params={"bo_table": board}).json()["token"]
    fields |= {"token": token, "wr_subject": subject, "wr_content": content, "ca_name": category}
    for option in ("html", "secret"):
        fields.pop(option, None)
    fields |= {option.rstrip("12"): option for option in options}
    uploads = [("bf_file[]", (name, data)) for name, data in files]
    response = checked(
        session.post(BASE + "/bbs/write_update.php", data=fields, files=uploads or None, allow_redirects=False)
    )
    return int(re.search(r"wr_id=(\d+)", response.headers["Location"])[1])


def comment(session, board, wr_id, content):
    checked(session.get(BASE + "/bbs/board.php", params={"bo_table": board, "wr_id": wr_id}))
    token = session.get(BASE + "/bbs/ajax.comment_token.php").json()["token"]
    checked(
        session.post(
            BASE + "/bbs/write_comment_update.php",
            data={
                "w": "c",
                "bo_table": board,
                "wr_id": wr_id,
                "comment_id": "",
                "token": token,
                "wr_content": content,
            },
            allow_redirects=False,
        )
    )


def upload_photo(session, board, name, data):
    """A photo through SmartEditor2's uploader; the HTML the editor pastes for it."""
    page = checked(session.get(BASE + "/bbs/write.php", params={"bo_table": board}))
    nonce = re.search(r'ed_nonce = "([^"]*)"', page.text)[1]
    answer = session.post(
        BASE + "/plugin/editor/smarteditor2/photo_uploader/popup/php/index.php",
        params={"_nonce": nonce},
        files={"files[]": (name, data, "image/jpeg")},
    ).json()
    uploaded = answer["files"][0]
    if uploaded.get("error"):
        raise SystemExit(f"SmartEditor2 refused {name}: {uploaded['error']}")
    # As SmartEditor2's hp_SE2M_AttachQuickPhoto.js writes it: a title, no alt.
    return f'<img src="{uploaded["url"]}" title="{uploaded["name"]}" ><br style="clear:both;">'


def view(board, wr_id, readers):
    """Readers open the article, each in a session of their own: one hit each."""
    for _reader in range(readers):
        checked(browser().get(BASE + "/bbs/board.php", params={"bo_table": board, "wr_id": wr_id}))


def download(board, wr_id, number, readers):
    """Readers open the article and click its attachment's link (with its nonce)."""
    for _reader in range(readers):
        reader = browser()
        page = checked(reader.get(BASE + "/bbs/board.php", params={"bo_table": board, "wr_id": wr_id}))
        # The skin lists the first file's link; an image is shown instead of listed, so its
        # link is the same with its own number.
        link = re.search(r'href="([^"]*download\.php\?[^"]*)"', page.text)[1].replace("&amp;", "&")
        response = reader.get(on_test_server(re.sub(r"\bno=\d+", f"no={number}", link)))
        response.raise_for_status()
        assert "attachment" in response.headers["content-disposition"], response.text[:200]


# Content: facts of the forum (tests/../shared FACTS), sentences written for the fixture.


def photo(color, size=(64, 48)):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, "JPEG", quality=70)
    return output.getvalue()


def pdf(text):
    """A one-page PDF with one line of text, written by hand (no PDF library needed)."""
    stream = f"BT /F1 12 Tf 40 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output, offsets = io.BytesIO(), []
    output.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    table = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    output.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    output.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table))
    return output.getvalue()


def hwp():
    """The first bytes of an HWP 5 file (an OLE compound document) and a compressed body: the
    old site stored such files as they came."""
    return bytes.fromhex("d0cf11e0a1b11ae1") + zlib.compress("세계인권도시포럼 참가 신청서".encode() * 8)


def write_content(admin):
    """Writes the posts; the (Korean wr_id, English wr_id) of the twins."""
    photos = [
        upload_photo(admin, "news", f"forum-{number}.jpg", photo(color))
        for number, color in enumerate(("navy", "darkgreen", "maroon"), start=1)
    ]
    opening = write(
        admin,
        "news",
        "제10회 세계인권도시포럼 온라인 개막",
        "<p>제10회 세계인권도시포럼이 10월 7일 온라인으로 막을 올렸다.</p>"
        f"<p>{photos[0]}</p><p>개막식에는 전 세계 도시 대표들이 화상으로 함께했다.</p>"
        f"<p>{photos[1]}{photos[2]}</p>",
        category="2020",
        options=("html1",),
        files=[
            ("2020 세계인권도시포럼 결과보고서.pdf", pdf("WHRCF 2020 report")),
            ("개막식 사진.jpg", photo("teal", (120, 80))),
        ],
    )
    opening_en = write(
        admin,
        "news_eng",
        "10th World Human Rights Cities Forum opens online",
        "<p>The 10th World Human Rights Cities Forum opened online on 7 October.</p>"
        "<p>City representatives from around the world joined the opening by video.</p>",
        category="2020",
        options=("html1",),
    )
    programme = write(
        admin,
        "news",
        "2021 포럼 프로그램 안내",
        "<p>2021 포럼은 10월 6일 사전 행사로 시작해 10월 10일까지 이어진다.</p>"
        '<table border="1"><thead><tr><th>날짜</th><th>행사</th></tr></thead>'
        "<tbody><tr><td>10월 6일</td><td>사전 포럼</td></tr><tr><td>10월 7일</td><td>개막식</td></tr>"
        "</tbody></table>",
        category="2021",
        options=("html1",),
        files=[("참가 신청서.hwp", hwp())],
    )
    programme_en = write(
        admin,
        "news_eng",
        "Programme of the 2021 forum",
        "<p>The 2021 forum starts with a pre-forum on 6 October and runs until 10 October.</p>",
        category="2021",
        options=("html1",),
    )
    press = write(
        admin,
        "news",
        "광주시, 세계인권도시포럼 공동 주최 기관 발표",
        "<p>광주광역시는 올해 포럼을 유네스코, 유엔 인권최고대표사무소와 함께 연다고 밝혔다.</p>",
        category="보도자료",
        options=("html1",),
    )
    press_en = write(
        admin,
        "news_eng",
        "Gwangju names the co-hosts of the forum",
        "<p>Gwangju Metropolitan City said it holds this year's forum with UNESCO and OHCHR.</p>",
        category="Press release",
        options=("html1",),
    )
    contest = write(
        admin,
        "news",
        "청소년 인권 사진 공모전",
        "<p>청소년이 바라본 인권 도시를 주제로 한 사진 공모전을 연다.</p>",
        category="공모전",
        options=("html1",),
    )
    video = write(
        admin,
        "news",
        "개막식 영상 다시 보기",
        f"<p>개막식 영상을 다시 볼 수 있다.</p><p>{YOUTUBE}</p>"
        '<p><img src="https://www.example.org/photos/opening.jpg" alt="개막식 무대"></p>',
        category="2020",
        options=("html1",),
    )
    plain = write(
        admin,
        "news",
        "자원봉사자 모집",
        "포럼 자원봉사자를 모집합니다.\n신청: https://whrcf.org/volunteer 또는 volunteer@whrcf.org\n\n"
        "문의는 www.gic.or.kr 에서도 받습니다.",
        category="2021",
    )
    plain_en = write(
        admin,
        "news_eng",
        "Volunteers wanted",
        "The forum is looking for volunteers.\nApply at https://whrcf.org/volunteer or volunteer@whrcf.org",
        category="2021",
    )
    write(admin, "news", "비공개 회의 메모", "<p>내부 회의 메모.</p>", category="2021", options=("html1", "secret"))
    reply = write(
        admin,
        "news",
        "Re: 자원봉사자 모집",
        "<p>자원봉사자 모집은 9월 30일에 마감한다.</p>",
        category="2021",
        options=("html1",),
        reply_to=plain,
    )
    comment(admin, "news", opening, "개막식 영상도 올려 주세요.")
    comment(admin, "news", opening, "영상은 다음 주에 올라갑니다.")
    comment(admin, "news_eng", opening_en, "Will the sessions be recorded?")

    for board, wr_id, readers in (
        ("news", opening, 4),
        ("news_eng", opening_en, 5),
        ("news", programme, 3),
        ("news_eng", programme_en, 2),
        ("news", press, 2),
        ("news_eng", press_en, 1),
        ("news", contest, 1),
        ("news", video, 2),
        ("news", plain, 3),
        ("news_eng", plain_en, 1),
        ("news", reply, 1),
    ):
        view(board, wr_id, readers)
    download("news", opening, 0, 3)
    download("news", opening, 1, 1)
    download("news", programme, 0, 2)
    return [(opening, opening_en), (programme, programme_en), (press, press_en), (plain, plain_en)]


def export(root, twins, output):
    if output.exists():
        shutil.rmtree(output)
    (output / "data").mkdir(parents=True)
    dump = subprocess.run(
        ["mysqldump", "-h127.0.0.1", "-P3306", "-uroot", DATABASE, *TABLES], check=True, capture_output=True
    ).stdout
    # The dump's header names the server's host and version, its trailer the date: both kept.
    (output / "gnuboard5.sql").write_bytes(dump)
    (output / "twins.csv").write_text("ko_wr_id,en_wr_id\n" + "".join(f"{ko},{en}\n" for ko, en in twins))
    for folder in ("file", "editor"):
        shutil.copytree(root / "data" / folder, output / "data" / folder, ignore=shutil.ignore_patterns("index.php"))


if __name__ == "__main__":
    sys.exit(main())
