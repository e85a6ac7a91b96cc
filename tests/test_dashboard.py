"""The dashboard in a real browser: Debian's Chromium driven by Playwright over a real
uvicorn server on a SQLite file built from the sample corpus, a reprint and a text
carrying a <script> element. Every page is opened, read, clicked through; the console
must stay free of errors. Screenshots go to test-artifacts/screenshots/."""
from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from conftest import FIXTURES, REPRINT, ROOT, SAMPLES, run_into
from sholu.server import create_app

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("SHOLU_CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(os.environ.get("SHOLU_SCREENSHOTS", ROOT / "test-artifacts" / "screenshots"))
BALAEVA = "Аида Балаева"
BALAEVA_POSITION = "заместитель Премьер-министра – министр культуры и информации РК"
ARTICLE_002 = "0a187b1a094c884e"        # sample 002, reprinted by tests/fixtures/reprint


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("dashboard") / "dashboard.db"
    run_into(db, SAMPLES, REPRINT, FIXTURES / "hostile")
    yield from serving(db)


@pytest.fixture(scope="module")
def kazakh_server(tmp_path_factory):
    """Three Kazakh articles and a Russian one, for the language filter."""
    db = tmp_path_factory.mktemp("dashboard-kk") / "kazakh.db"
    run_into(db, FIXTURES / "kazakh")
    yield from serving(db)


def serving(db: Path):
    """The dashboard of `db` under uvicorn on a free port, until the generator closes."""
    port = free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: .ci/run installs Debian's chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, headless=True)
        yield chromium
        chromium.close()


class Visit:
    """A page that records console errors and uncaught exceptions as they happen."""

    def __init__(self, browser, base: str):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def open(self, path: str):
        response = self.page.goto(self.base + path)
        assert response.status == 200, f"{path}: HTTP {response.status}"
        self.page.wait_for_load_state("networkidle")
        return self.page

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def charts_drawn(self) -> int:
        """Charts on the page, each checked to have drawn an SVG with shapes in it."""
        charts = self.page.locator(".chart")
        for index in range(charts.count()):
            chart = charts.nth(index)
            expect(chart).to_have_attribute("data-drawn", "1", timeout=10000)
            assert chart.locator("svg path").count() > 0, f"chart {chart.get_attribute('id')} is empty"
        return charts.count()


@pytest.fixture()
def visit(browser, server):
    session = Visit(browser, server)
    yield session
    session.page.close()
    assert session.errors == [], f"console errors: {session.errors}"


def test_overview_shows_the_corpus_charts_and_map(visit):
    page = visit.open("/")
    numbers = page.locator(".cards .card b")
    assert numbers.nth(0).inner_text() == "7"           # 5 samples, the reprint, the hostile text
    assert numbers.nth(2).inner_text() == "1"           # copies: the reprint
    assert "2026-02-27" in page.locator(".cards").inner_text()
    assert visit.charts_drawn() == 3
    regions = page.locator("#chart-map svg path")
    assert regions.count() >= 20                        # every region of Kazakhstan drawn
    assert "CC BY 4.0" in page.locator(".credit").inner_text()
    people = page.locator("table").first
    expect(people).to_contain_text(BALAEVA)
    visit.shot("overview")
    people.get_by_role("link", name=BALAEVA).click()
    expect(page.locator("h1")).to_have_text(BALAEVA)


def test_person_page_lists_quotes_positions_and_filters_by_theme(visit):
    page = visit.open("/persons")
    page.get_by_role("link", name=BALAEVA).first.click()
    expect(page.locator("#positions")).to_contain_text(BALAEVA_POSITION)
    quotes = page.locator("#quotes li.quote-row")
    sources = {quotes.nth(i).locator("a").last.get_attribute("href") for i in range(quotes.count())}
    articles = {href.split("?")[0].rsplit("/", 1)[-1] for href in sources}
    assert len(articles) >= 3, articles                 # her quotes come from three articles
    assert visit.charts_drawn() == 2
    visit.shot("person")
    everything = quotes.count()
    options = page.locator("select[name=theme] option")
    assert options.count() > 1
    chosen = options.nth(1).get_attribute("value")
    page.select_option("select[name=theme]", chosen)
    page.wait_for_url(re.compile(f"theme={chosen}"))
    filtered = page.locator("#quotes li.quote-row")
    assert 0 < filtered.count() <= everything
    for i in range(filtered.count()):
        assert filtered.nth(i).locator(f"a.tag[href*='/themes/{chosen}']").count() == 1


def test_search_with_facets_and_snippets(visit):
    page = visit.open("/")
    page.fill("form.quick input[name=q]", '"трудовой коллектив"')
    page.press("form.quick input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    expect(page.locator("#total")).to_have_text("4")        # samples 001-004 (the reprint is a copy)
    assert page.locator("li.hit .snippet mark").count() >= 8
    outlets = page.locator("ul[data-facet=outlet] li")
    assert outlets.count() == 3                             # 001 names no outlet
    visit.shot("search")
    first = outlets.first.locator("a")
    name = first.inner_text()
    first.click()
    page.wait_for_url(re.compile("outlet="))
    expect(page.locator("#total")).to_have_text("1")
    assert name in page.locator("li.hit .meta").first.inner_text()
    assert page.locator("input[name=outlet]").input_value() == name


def test_article_highlights_annotations_and_reprints(visit):
    page = visit.open(f"/documents/{ARTICLE_002}")
    balaeva = page.locator("#text a.ent.per", has_text="Аид").first
    assert BALAEVA_POSITION in balaeva.get_attribute("title")
    assert page.locator("#text .ent.org").count() > 3
    assert page.locator("#text .ent.date").count() >= 1
    assert page.locator("#text mark.quote").count() >= 3
    expect(page.locator("aside.side")).to_contain_text("Трудовые права")
    reprints = page.locator("aside.side h2", has_text="Перепечатки").locator("xpath=following-sibling::ul[1]/li")
    assert reprints.count() == 1
    visit.shot("article")
    page.get_by_role("link", name="Показать вырезанное").click()
    expect(page.locator("#boilerplate")).to_be_visible()
    reprints.first.locator("a").click()
    expect(page.locator(".meta .copy")).to_contain_text(ARTICLE_002)


def test_article_text_is_escaped(visit, server):
    page = visit.open("/search?q=злоумышленники")
    page.locator("li.hit a").first.click()
    expect(page.locator("#text")).to_contain_text('<script>document.title="pwned"')
    assert page.evaluate("window.__sholuPwned") is None
    assert "pwned" not in page.title()


def test_events_timeline_and_event_page(visit):
    page = visit.open("/events")
    assert visit.charts_drawn() == 1
    page.locator("table a", has_text="встреча").first.click()
    expect(page.locator("dl.facts")).to_be_visible()
    assert page.locator("h2", has_text="Участники").count() == 1
    assert page.locator("li.article").count() >= 1


@pytest.mark.parametrize("start, link_selector", [
    ("/organizations", "table a"),
    ("/outlets", "table tbody a"),          # the headings are sorting links
    ("/themes", "table a"),
])
def test_entity_outlet_and_theme_pages(visit, start, link_selector):
    page = visit.open(start)
    visit.charts_drawn()
    page.locator(link_selector).first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().strip()
    assert visit.charts_drawn() >= 1
    assert page.locator("li.article, li.quote-row").count() >= 1


def test_english_interface_and_shareable_urls(visit):
    page = visit.open("/search?q=Балаевой&theme=labour_rights&lang=en")
    expect(page.locator("header nav")).to_contain_text("Overview")
    expect(page.locator("#total")).to_have_text("3")
    assert page.locator("select[name=theme]").input_value() == "labour_rights"
    page.locator("header nav a", has_text="People").click()
    assert "lang=en" in page.url
    page.locator(".langs a", has_text="ru").click()
    expect(page.locator("header nav")).to_contain_text("Люди")


def test_json_twins_and_chart_data(visit, server):
    page = visit.open("/")
    person = page.locator("table").first.get_by_role("link", name=BALAEVA).get_attribute("href")
    quotes = page.request.get(f"{server}{person}?format=json&list=quotes").json()
    assert {q["speaker"] for q in quotes} == {BALAEVA} and len(quotes) >= 3
    csv_link = page.locator("a.data").first.get_attribute("href")
    csv = page.request.get(server + csv_link)
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.body().startswith("\ufeff".encode())            # Excel reads UTF-8 by its byte order mark
    assert csv.body().decode("utf-8-sig").splitlines()[0] == "period,originals,copies"
    missing = page.request.get(f"{server}/persons/per:nobody")
    assert missing.status == 404


# -- the observer's pages ------------------------------------------------------------------

PERIOD = {"date_from": "2026-02-27", "date_to": "2026-02-28"}
NAV_PAGES = ["/", "/persons", "/organizations", "/outlets", "/themes", "/events", "/shares", "/quotes"]


def test_the_period_filter_is_on_every_page_and_carried_by_its_links(visit):
    page = visit.open("/")
    page.locator("details.selection summary").click()
    page.fill("details.selection input[name=date_from]", PERIOD["date_from"])
    page.fill("details.selection input[name=date_to]", PERIOD["date_to"])
    page.locator("details.selection button[type=submit]").click()
    page.wait_for_url(re.compile("date_from=2026-02-27"))
    expect(page.locator("#chosen")).to_contain_text("2026-02-27 — 2026-02-28")
    for path in NAV_PAGES[1:]:
        page.locator(f"header nav a[href^='{path}?']").first.click()
        page.wait_for_load_state("networkidle")
        assert "date_from=2026-02-27" in page.url and "date_to=2026-02-28" in page.url, path
        expect(page.locator("#chosen")).to_contain_text("2026-02-27 — 2026-02-28")
        visit.charts_drawn()


def test_the_period_narrows_the_overview(visit):
    everything = visit.open("/").locator(".cards .card b").nth(0).inner_text()
    narrowed = visit.open("/?date_from=2026-03-05&date_to=2026-03-06").locator(".cards .card b").nth(0).inner_text()
    assert int(narrowed) < int(everything)


def test_the_share_table_sorts_and_has_its_csv(visit, server):
    page = visit.open("/shares")
    rows = page.locator("#share-table tbody tr")
    assert rows.count() >= 2
    expect(page.locator("#share-table")).to_contain_text(BALAEVA)
    assert visit.charts_drawn() == 1
    names = lambda: [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]  # noqa: E731
    before = names()
    page.locator("#share-table thead th").first.click()
    after = names()
    assert sorted(before, key=str.lower, reverse=True) == after
    csv_link = page.locator("h1 a.data").get_attribute("href")
    table = page.request.get(server + csv_link)
    assert table.body().startswith("\ufeff".encode()) and BALAEVA in table.body().decode("utf-8-sig")
    visit.shot("shares")


def test_the_quote_explorer_filters_by_words_and_speaker(visit):
    page = visit.open("/quotes")
    everything = int(page.locator("#quote-count").inner_text())
    page.fill("#quote-filters input[name=speaker]", "Балаевой")
    page.locator("#quote-filters button[type=submit]").click()
    page.wait_for_url(re.compile("speaker="))
    hers = int(page.locator("#quote-count").inner_text())
    assert 0 < hers < everything
    quotes = page.locator("#quotes li.quote-row")
    for i in range(quotes.count()):
        expect(quotes.nth(i).locator(".meta")).to_contain_text(BALAEVA)
    visit.shot("quotes")


def test_the_press_release_page_lists_copies_in_time_order(visit):
    page = visit.open(f"/documents/{ARTICLE_002}")
    page.locator("#press-release").click()
    page.wait_for_url(re.compile("/reprints/"))
    rows = page.locator("#copies tbody tr")
    assert rows.count() == 2                                  # Kazpravda.kz's article and Zakon.kz's copy
    dates = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert dates == sorted(dates)
    expect(page.locator("#first-publisher")).to_contain_text(dates[0])
    visit.shot("press-release")


@pytest.mark.parametrize("path", ["/", "/shares", "/outlets", "/quotes", "/search?q=Балаевой"])
def test_a_phone_wide_page_does_not_scroll_sideways(browser, server, path):
    """390 px: the page fits the screen; wide tables scroll inside their box."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        if path == "/shares":
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "shares-390.png"), full_page=True)
    finally:
        page.close()


def test_the_report_prints_on_a_few_pages(browser, tmp_path):
    """Three hundred outlets' copies of one text: the printed report stays a few A4 pages
    (the top outlets and the first copies of a group, the rest counted)."""
    from sholu import analytics
    from sholu.pipeline import run_records
    from sholu.store import open_store

    store = open_store(str(tmp_path / "many.db"))
    try:
        run_records([{"outlet": f"outlet-{n:03d}.example", "published": f"2026-03-{1 + n % 28:02d}",
                      "text": f"Депутат Марат Оспанов встретился с избирателями в посёлке номер {n}. "
                              "Аким района Ерлан Сапаров рассказал о ремонте дорог."} for n in range(300)], store)
        path = analytics.write_report(store, tmp_path / "report.html")
    finally:
        store.close()
    page = browser.new_page()
    try:
        page.goto(path.resolve().as_uri())
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 10


def test_the_language_filter_narrows_the_lists_and_its_links_keep_it(browser, kazakh_server):
    visit = Visit(browser, kazakh_server)
    page = visit.open("/persons")
    expect(page.locator("main")).to_contain_text("Ерлан Сапаров")
    page.locator("details.selection summary").click()
    page.select_option("details.selection select[name=language]", "ru")
    page.locator("details.selection button[type=submit]").click()
    page.wait_for_url(re.compile("language=ru"))
    expect(page.locator("#chosen")).to_contain_text("ru")
    expect(page.locator("main")).to_contain_text("Қасым-Жомарт Тоқаев")
    expect(page.locator("main")).not_to_contain_text("Ерлан Сапаров")       # named in Kazakh only
    page.locator("header nav a[href^='/outlets?']").first.click()
    page.wait_for_load_state("networkidle")
    assert "language=ru" in page.url
    expect(page.locator("details.selection select[name=language]")).to_have_value("ru")
    visit.shot("language-filter")
    page.close()
    assert visit.errors == [], f"console errors: {visit.errors}"
