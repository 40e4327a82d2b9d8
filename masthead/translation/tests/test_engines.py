"""The engines themselves: real Firefox Translations and Apertium, and the HTTP engines
against a tiny local server speaking their APIs."""

from __future__ import annotations

import threading

import pytest

from masthead.translation.engines import EngineUnavailable, engines_for, get_engine
from masthead.translation.engines.http import (
    HttpBadResponse,
    HttpStatusError,
    HttpTimeout,
    HttpUnreachable,
    request_json,
)


@pytest.fixture(autouse=True)
def fresh_engines():
    get_engine.cache_clear()
    yield
    get_engine.cache_clear()


def test_firefox_translations_engine_translates_english_into_portuguese():
    engine = get_engine("fxtranslate")
    assert engine.is_available()
    assert ("en", "pt") in engine.supported_pairs()

    [result] = engine.translate_batch(["The bridge over the river is closed."], "en", "pt")

    assert "ponte" in result.lower() and "rio" in result.lower()


def test_firefox_translator_is_made_per_thread():
    """fxtranslate panics when a translator crosses threads: each thread builds its own."""
    engine = get_engine("fxtranslate")
    engine.translate_batch(["Hello."], "en", "pt")
    results: list[str] = []
    thread = threading.Thread(
        target=lambda: results.extend(engine.translate_batch(["The city."], "en", "pt"))
    )
    thread.start()
    thread.join()
    assert results == ["A cidade."]


@pytest.mark.usefixtures("apertium")
def test_apertium_translates_a_batch_line_by_line():
    engine = get_engine("apertium")
    assert ("en", "es") in engine.supported_pairs()

    result = engine.translate_batch(["The cat is black.", "Hello world."], "en", "es")

    assert result == ["El gato es negro.", "Hola Mundo."]


@pytest.mark.usefixtures("apertium")
def test_missing_pair_names_what_to_install(settings):
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium", "fxtranslate", "argos"]}

    with pytest.raises(EngineUnavailable) as raised:
        engines_for("en", "fr")

    message = str(raised.value)
    assert "apt-get install apertium-eng-fra" in message
    assert "MASTHEAD_FIREFOX_MODELS_DIR" in message
    assert "pip install argostranslate" in message


def test_unknown_engine_name_is_a_clear_error(settings):
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["babelfish"]}
    with pytest.raises(EngineUnavailable, match="Unknown translation engine 'babelfish'"):
        engines_for("en", "fr")


def test_libretranslate_against_a_local_server(settings, fake_api):
    settings.LIBRETRANSLATE_URL = fake_api.url
    settings.LIBRETRANSLATE_API_KEY = "key-123"
    engine = get_engine("libretranslate")

    assert ("en", "fr") in engine.supported_pairs()
    assert engine.translate_batch(["One.", "Two."], "en", "fr") == ["«One.»", "«Two.»"]
    path, body, _headers = fake_api.requests[-1]
    assert path == "/translate"
    assert body == {
        "q": ["One.", "Two."],
        "source": "en",
        "target": "fr",
        "format": "text",
        "api_key": "key-123",
    }


def test_deepl_sends_its_key_and_reads_translations(settings, fake_api):
    settings.DEEPL_API_KEY = "deepl-key"
    settings.DEEPL_API_URL = f"{fake_api.url}/v2/translate"
    engine = get_engine("deepl")

    assert engine.translate_batch(["One."], "en", "de") == ["«One.»"]
    _path, body, headers = fake_api.requests[-1]
    assert headers["Authorization"] == "DeepL-Auth-Key deepl-key"
    assert body["target_lang"] == "DE"


@pytest.mark.parametrize(
    ("mode", "error", "message"),
    [
        ("error", HttpStatusError, "HTTP 500"),
        ("slow", HttpTimeout, "did not answer within 0.5 s"),
        ("garbage", HttpBadResponse, "not JSON"),
    ],
)
def test_http_failures_become_typed_errors(fake_api, mode, error, message):
    fake_api.mode = mode
    with pytest.raises(error, match=message):
        request_json(
            "POST", f"{fake_api.url}/translate", service="LibreTranslate", json={}, timeout=0.5
        )


def test_unreachable_service_is_a_typed_error(fake_api):
    url = fake_api.url
    fake_api.shutdown()
    fake_api.server_close()
    with pytest.raises(HttpUnreachable, match="could not be reached"):
        request_json("GET", f"{url}/languages", service="LibreTranslate", timeout=2)


def test_system_check_catches_engine_typos(settings):
    from masthead.translation.checks import check_engine_settings

    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["apertium", "apertum"], "ca": "apertium"}

    messages = {m.id: m.msg for m in check_engine_settings(None)}

    assert messages == {
        "translation.E002": "Unknown translation engine 'apertum' configured for 'default'.",
        "translation.E001": "The engine order for 'ca' must be a list of engine names.",
    }


def test_unreachable_libretranslate_server_is_named_in_the_failure(settings, fake_api):
    settings.LIBRETRANSLATE_URL = fake_api.url
    fake_api.shutdown()
    fake_api.server_close()
    settings.MASTHEAD_TRANSLATION_ENGINES = {"default": ["libretranslate"]}

    for language in ("fr", "de"):
        with pytest.raises(EngineUnavailable, match="LibreTranslate could not be reached"):
            engines_for("en", language)
