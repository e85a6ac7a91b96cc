"""Quotes on sentences of each construction, through the real nlp stage, and on the
sample corpus against the gold."""
import pytest

from conftest import GOLD, gold_form
from sholu.nlp import analyse_text
from sholu.quotes import extract_quotes


def quotes_of(text: str) -> list[dict]:
    return extract_quotes(text, analyse_text(text)["persons"])


def only(text: str) -> dict:
    [quote] = quotes_of(text)
    return quote


def test_direct_quote_attributed_after_with_a_full_name():
    quote = only("«Конституция закрепляет право на труд и справедливую оплату», – подчеркнула Аида Балаева.")
    assert (quote["speaker"], quote["kind"], quote["verb"]) == ("Аида Балаева", "direct", "подчеркнуть")
    assert quote["text"] == "Конституция закрепляет право на труд и справедливую оплату"


def test_offsets_point_at_the_quote():
    text = "Аким Ерлан Сагиев отметил: «Мы построим три школы до конца года». Встреча завершилась."
    quote = only(text)
    assert text[quote["start"]:quote["end"]] == quote["text"] == "Мы построим три школы до конца года"
    assert quote["speaker"] == "Ерлан Сагиев"


def test_nested_quotes_stay_inside_the_quote():
    quote = only("«Многие годы “Казцинк” доказывает, что Казахстан способен конкурировать», — отметил Тимур Токжигитов.")
    assert quote["text"].startswith("Многие годы “Казцинк” доказывает")
    assert quote["kind"] == "direct"


def test_a_role_noun_after_the_quote_names_the_vice_premier():
    text = ("В обсуждении приняла участие заместитель Премьер-министра – министр культуры и информации РК "
            "Аида Балаева. «Нормы направлены на снижение производственного травматизма», — сказала вице-премьер.")
    assert only(text)["speaker"] == "Аида Балаева"


def test_pronouns_follow_gender_and_order():
    text = ("Сотрудница завода Алтынай Алпамысова и мастер цеха Аслан Тургамбаев выступили перед коллегами. "
            "Она отметила, что человек труда должен быть основой экономики. "
            "«Мы обязательно примем участие в голосовании 15 марта», — сказал он.")
    first, second = quotes_of(text)
    assert (first["speaker"], first["kind"]) == ("Алтынай Алпамысова", "indirect")
    assert first["text"] == "человек труда должен быть основой экономики"
    assert (second["speaker"], second["kind"]) == ("Аслан Тургамбаев", "direct")


def test_according_to_a_person_and_to_a_pronoun():
    text = ("Юрист Серик Акылбай выступил на встрече. По словам Серика Акылбая, проект подготовлен открыто. "
            "По его словам, документ носит народный характер.")
    first, second = quotes_of(text)
    assert first["speaker"] == second["speaker"] == "Серик Акылбай"
    assert second["text"] == "документ носит народный характер"


def test_a_speech_in_his_speech():
    quote = only("Серик Акылбай в своем выступлении подчеркнул, что Конституция 1995 года принималась в иных условиях.")
    assert quote["speaker"] == "Серик Акылбай"
    assert quote["text"].startswith("Конституция 1995 года")


def test_collective_speakers_are_groups_not_people():
    text = ("Аида Балаева открыла встречу. Участники встречи отметили, что реформа важна для работников. "
            "По словам спикеров, изменения укрепят правовую базу.")
    first, second = quotes_of(text)
    assert (first["speaker"], first["speaker_type"]) == ("участники встречи", "group")
    assert (second["speaker"], second["speaker_type"]) == ("спикеры", "group")
    assert first["speaker_entity_id"] is None


def test_a_body_named_shorter_is_the_body_named_in_full_before():
    def speakers(text):
        found = analyse_text(text)
        return [q["speaker"] for q in extract_quotes(text, found["persons"], organizations=found["organizations"])]
    assert speakers("Федеральное авиационное управление США начало проверку. Авиационное управление "
                    "сообщило, что связь с бортом восстановлена.") == ["Федеральное авиационное управление США"]
    # the nearest body the short name fits
    assert speakers("Министерство финансов опубликовало отчет. Министерство юстиции подготовило поправки. "
                    "Министерство пояснило, что они вступят в силу летом.") == ["Министерство юстиции"]
    # a short name no fuller one holds stays as written
    assert speakers("Министерство финансов опубликовало отчет. Управление пояснило, что выплаты начнутся "
                    "в апреле.") == ["управление"]


def test_a_quote_with_no_attribution_continues_the_speaker_before():
    text = ("Аида Балаева отметила, что труд является ключевой ценностью государства.\n\n"
            "«Уважение к человеку труда должно стать конкретной нормой, обеспеченной правовыми принципами "
            "и реальными гарантиями для каждого работника».")
    indirect, direct = quotes_of(text)
    assert direct["speaker"] == "Аида Балаева" and direct["kind"] == "direct"


def test_quoted_names_and_passive_statements_are_not_quotes():
    text = ("Встреча прошла на площадке ТОО «Казцинк» под лозунгом «Профсоюзы за справедливость!». "
            "Было подчеркнуто, что конституционные гарантии остаются важнейшим направлением.")
    assert quotes_of(text) == []


# -- the sample corpus against the gold ---------------------------------------------------

@pytest.fixture(scope="module")
def matched(sample_records):
    """(gold quote, system quote or None) pairs and the system's person quotes."""
    pairs, found = [], []
    for name, record in sample_records.items():
        quotes = [q for q in record["quotes"] if q["speaker_type"] != "group"]
        found += quotes
        for gold in GOLD[name]["quotes"]:
            hit = next((q for q in quotes if gold_form(gold["contains"]) in gold_form(q["text"])), None)
            pairs.append((gold, hit))
    return pairs, found


def test_quotes_recall_and_precision_on_the_samples(matched):
    pairs, found = matched
    hits = [hit for _, hit in pairs if hit]
    assert len(hits) / len(pairs) >= 0.9
    assert len({id(h) for h in hits}) / len(found) >= 0.9


def test_speakers_and_kinds_on_the_samples(matched):
    pairs, _ = matched
    hits = [(gold, hit) for gold, hit in pairs if hit]
    assert sum(gold["speaker"] == hit["speaker"] for gold, hit in hits) / len(hits) >= 0.9
    assert sum(gold["kind"] == hit["kind"] for gold, hit in hits) / len(hits) >= 0.9


def test_according_to_a_role_noun_in_the_genitive():
    text = ("Во встрече приняли участие депутат Сената Парламента РК Нурлан Бекенов и аким района. "
            "По словам сенатора, новая Конституция усиливает роль местного самоуправления.")
    quote = only(text)
    assert (quote["speaker"], quote["kind"]) == ("Нурлан Бекенов", "indirect")


def test_according_to_his_data():
    text = ("Председатель ЦИК Нурлан Абдиров подвел итоги. "
            "По его данным, в голосовании приняли участие более 8 миллионов граждан.")
    quote = only(text)
    assert quote["speaker"] == "Нурлан Абдиров"
    assert quote["text"] == "в голосовании приняли участие более 8 миллионов граждан"


def test_as_said_by_a_person_and_not_as_is_known():
    text = ("Как заявил президент Касым-Жомарт Токаев, новая Конституция укрепит институты. "
            "Как известно, референдум прошел 15 марта.")
    quote = only(text)
    assert (quote["speaker"], quote["kind"], quote["verb"]) == ("Касым-Жомарт Токаев", "indirect", "заявить")
    assert quote["text"] == "новая Конституция укрепит институты"
