"""Every dashboard page rendered in-process on both backends (SQLite and a real
PostgreSQL server) from the sample corpus and a reprint: status, content, the JSON
twins and chart CSVs. The browser tests (test_dashboard.py) cover drawing and clicks."""
import csv
import html
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from conftest import BACKENDS, FIXTURES, REPRINT, SAMPLES, new_target, run_into
from sholu import PIPELINE_VERSION
from sholu.server import create_app
from sholu.store import open_store

BALAEVA = "Аида Балаева"
ARTICLE_002 = "0a187b1a094c884e"


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory):
    target = new_target(request.param, tmp_path_factory.mktemp("web"), "web")
    run_into(target, SAMPLES, REPRINT)
    with TestClient(create_app(str(target))) as test_client:
        yield test_client


def lists(client, url: str) -> dict:
    response = client.get(url + ("&" if "?" in url else "?") + "format=json")
    assert response.status_code == 200, response.text
    return response.json()["lists"]


def balaeva(client) -> str:
    return next(p["entity_id"] for p in lists(client, "/persons")["persons"] if p["name"] == BALAEVA)


def test_every_page_renders(client):
    person = balaeva(client)
    organisation = lists(client, "/organizations")["organizations"][0]["entity_id"]
    event = lists(client, "/events")["events"][0]["key"]
    for url in ("/", "/search", "/search?q=Балаевой", f"/documents/{ARTICLE_002}", f"/persons/{person}",
                "/persons", "/organizations", f"/organizations/{organisation}", "/outlets",
                "/outlets/Kazpravda.kz", "/themes", "/themes/labour_rights", "/events", f"/events/{event}",
                "/?lang=en", "/?lang=kk"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.text[-500:])
        assert response.headers["content-type"].startswith("text/html")


def test_overview_lists_and_map_data(client):
    overview = lists(client, "/")
    assert overview["people"][0]["name"] == BALAEVA
    assert overview["people"][0]["quotes"] >= 8
    regions = {row["region"]: row["articles"] for row in overview["regions"]}
    assert regions["Улытауская область"] == 1                  # Жезказган, sample 001
    assert regions["Восточно-Казахстанская область"] == 1      # Усть-Каменогорск, sample 003
    assert "Казахстан" not in regions                          # the country is no region
    table = client.get("/", params={"format": "csv", "chart": "map"}).text
    assert "Улытауская область" in table


def outlet_cells(page: str, outlet: str) -> dict[str, str]:
    """The cells of one outlet's row of the outlets table, by column heading."""
    headings = [re.sub(r"<[^>]+>", "", h).strip()           # a heading may be a sorting link
                for h in re.findall(r"<th[^>]*>(.*?)</th>", page.split("<tbody>")[0], re.S)]
    row = next(r for r in page.split("<tr>") if f">{outlet}</a>" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return {heading: re.sub(r"<[^>]+>", " ", cell).strip() for heading, cell in zip(headings, cells)}


def test_outlets_page_fills_every_column(client):
    kazpravda = outlet_cells(client.get("/outlets").text, "Kazpravda.kz")
    assert kazpravda["Перепечатано другими"] == "1"            # Zakon.kz copied its article
    assert kazpravda["Первая"] == kazpravda["Последняя"] == "2026-02-27"
    assert "Цифровые права" in kazpravda["Темы"]                # its top themes, linked
    zakon = outlet_cells(client.get("/outlets").text, "Zakon.kz")
    assert (zakon["Оригиналы"], zakon["Копии"], zakon["Перепечатано другими"]) == ("0", "1", "0")


def test_search_facets_count_the_results(client):
    found = client.get("/search", params={"q": '"трудовой коллектив"', "format": "json"}).json()
    assert found["total"] == 4
    outlets = {row["value"]: row["count"] for row in found["lists"]["facet_counts"]["outlet"]}
    assert outlets == {"Kazpravda.kz": 1, "BAQ.KZ": 1, "zanmedia.kz": 1}       # 001 names no outlet
    page = client.get("/search", params={"q": '"трудовой коллектив"'}).text
    assert 'data-facet="outlet"' in page and "Kazpravda.kz" in page
    narrowed = client.get("/search", params={"q": '"трудовой коллектив"', "outlet": "BAQ.KZ", "format": "json"})
    assert [hit["outlet"] for hit in narrowed.json()["lists"]["results"]] == ["BAQ.KZ"]


def test_person_page_data(client):
    person = balaeva(client)
    page = lists(client, f"/persons/{person}")
    assert "заместитель Премьер-министра – министр культуры и информации РК" in \
        [row["position"] for row in page["positions"]]
    assert len({q["document_id"] for q in page["quotes"]}) >= 3
    assert page["events"], "the meetings she attended"
    labour = lists(client, f"/persons/{person}?theme=labour_rights")["quotes"]
    assert labour and all("labour_rights" in q["topics"] for q in labour)
    table = client.get(f"/persons/{person}?format=csv&chart=outlets").content.decode("utf-8-sig")   # BOM for Excel
    rows = list(csv.DictReader(io.StringIO(table)))
    assert {row["outlet"] for row in rows} >= {"Kazpravda.kz", "BAQ.KZ"}


def test_article_page_marks_and_reprint(client):
    page = client.get(f"/documents/{ARTICLE_002}").text
    assert 'class="ent per"' in page and 'mark class="quote direct"' in page
    copies = lists(client, f"/documents/{ARTICLE_002}")["copies"]
    assert len(copies) == 1 and copies[0]["duplicate_of"] == ARTICLE_002


def test_missing_records_and_bad_queries(client):
    assert client.get("/persons/per:nobody").status_code == 404
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/themes/no_such_theme").status_code == 404
    assert client.get("/search", params={"q": '"'}).status_code == 400
    assert client.get("/", params={"format": "json", "list": "nothing"}).status_code == 404
    assert client.get("/", params={"format": "csv", "chart": "nothing"}).status_code == 404


def test_only_web_addresses_become_source_links(tmp_path):
    """A record's url is the publisher's to set: a javascript: address stays text."""
    text = (FIXTURES / "hostile" / "script-in-text.txt").read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": text + suffix, "url": url}, ensure_ascii=False) for url, suffix in
                              (("javascript:alert(1)", ""), ("https://example.kz/news/1", "\n\nОбновлено."))),
                    encoding="utf-8")
    run_into(tmp_path / "urls.db", feed)
    with TestClient(create_app(str(tmp_path / "urls.db"))) as local:
        pages = [local.get(f"/documents/{row['id']}").text
                 for row in local.get("/api/documents?with_copies=true").json()["items"]]
    assert len(pages) == 2
    assert not any('href="javascript:' in page for page in pages)
    assert sum('href="https://example.kz/news/1"' in page for page in pages) == 1


def crawl(client, start: str, limit: int = 600) -> dict[str, int]:
    """Every same-site link reachable from `start` (up to `limit` pages) -> HTTP status."""
    seen, queue = {}, [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.headers.get("content-type", "").startswith("text/html"):
            for href in re.findall(r'href="(/[^"]*)"', response.text):
                link = html.unescape(href)
                if not link.startswith(("/static/", "/openapi.json")) and link not in seen:
                    queue.append(link)
    return seen


def test_every_link_leads_somewhere(tmp_path):
    """Outlet names with "/" and event keys with odd characters included."""
    feed = tmp_path / "feed.jsonl"
    text = (FIXTURES / "hostile" / "script-in-text.txt").read_text(encoding="utf-8")
    feed.write_text(json.dumps({"text": text, "outlet": "Радио Азаттык/KZ", "published": "2026-03-01"},
                               ensure_ascii=False), encoding="utf-8")
    run_into(tmp_path / "crawl.db", SAMPLES, feed)
    with TestClient(create_app(str(tmp_path / "crawl.db"))) as local:
        assert "Радио Азаттык/KZ" in [o["outlet"] for o in local.get("/api/outlets").json()["items"]]
        statuses = crawl(local, "/")
    broken = {url: status for url, status in statuses.items() if status != 200}
    assert len(statuses) > 100 and not broken, broken
    assert any(url.startswith("/outlets/") and "KZ" in url for url in statuses)
    assert any(url.startswith("/events/") for url in statuses)


def test_aggregates_follow_a_document_saved_again(tmp_path):
    """The remembered aggregates are dropped when a stored document is rewritten in place."""
    db = tmp_path / "memo.db"
    run_into(db, SAMPLES)
    with TestClient(create_app(str(db))) as local:
        before = {row["outlet"] for row in lists(local, "/outlets")["outlets"]}
        store = open_store(str(db))
        doc = store.document(ARTICLE_002)
        doc.outlet = "Новое издание"
        with store.batch():
            store.save(doc, PIPELINE_VERSION)
        store.close()
        after = {row["outlet"] for row in lists(local, "/outlets")["outlets"]}
    assert "Kazpravda.kz" in before and "Новое издание" not in before
    assert "Новое издание" in after and "Kazpravda.kz" not in after


def test_snippets_mark_only_matches(tmp_path):
    feed = tmp_path / "feed.jsonl"
    text = (FIXTURES / "hostile" / "script-in-text.txt").read_text(encoding="utf-8")
    feed.write_text(json.dumps({"text": text.replace("злоумышленники", "злоумышленники [см. фото]")}, ensure_ascii=False),
                    encoding="utf-8")
    run_into(tmp_path / "snip.db", feed)
    with TestClient(create_app(str(tmp_path / "snip.db"))) as local:
        page = local.get("/search", params={"q": "редактора"}).text
    assert '<mark class="hit">редактора</mark>' in page
    assert "[см. фото]" in page and '<mark class="hit">см</mark>' not in page


def test_out_of_range_pages_are_empty_not_errors(client):
    for url in ("/persons", "/search", "/events", "/themes/labour_rights"):
        assert client.get(url, params={"page": "99999999999999999999"}).status_code == 200


def test_the_kazakh_interface_is_complete(client):
    from sholu.web.i18n import TEXTS

    assert [key for key, (_, _, kazakh) in TEXTS.items() if not kazakh] == []
    page = client.get("/shares", params={"lang": "kk"}).text
    assert "Үлес пен реңк" in page and "Кезең мен басылымдар" in page and "Доля и тон" not in page


def test_chart_and_map_libraries_are_served_compressed_and_cached(client):
    plain = client.get("/static/vendor/echarts/echarts.min.js", headers={"Accept-Encoding": "identity"})
    packed = client.get("/static/vendor/echarts/echarts.min.js", headers={"Accept-Encoding": "gzip, br"})
    assert plain.headers.get("content-encoding") is None and "max-age" in plain.headers["cache-control"]
    assert packed.headers["content-encoding"] == "gzip" and "max-age" in packed.headers["cache-control"]
    assert packed.content == plain.content                     # httpx unpacks it
    assert int(packed.headers["content-length"]) < len(plain.content) / 2
    geo = client.get("/static/geo/kz-regions-2024.geojson", headers={"Accept-Encoding": "gzip"})
    assert geo.headers["content-encoding"] == "gzip" and geo.headers.get("etag")
