"""The agencies' page in a real headless browser (Debian's chromium with chromedriver): a broken form shows
its problems with their cells; the fixed form shows points, total, band and the explanation."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[1]
FORM = ROOT / "examples" / "2017" / "so-noi-vu-tu-danh-gia.xlsx"


def _driver_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    found = _driver_paths()
    if found is None:
        if os.environ.get("GOVINDEX_REQUIRE_BROWSER") == "1":
            pytest.fail("GOVINDEX_REQUIRE_BROWSER=1 but chromium or chromedriver is missing")
        pytest.skip("no chromium with chromedriver on this machine (CI installs them)")
    import socket

    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    from govindex.cli.server.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    options = Options()
    options.binary_location = found[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=390,844"):  # a phone's width
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    driver.get(f"http://127.0.0.1:{port}/")
    try:
        yield driver
    finally:
        driver.quit()
        server.should_exit = True
        thread.join(timeout=30)


def _check(driver: Any, path: Path) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    WebDriverWait(driver, 60).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    Select(driver.find_element(By.ID, "rubric")).select_by_value("sonla-2017-it")
    Select(driver.find_element(By.ID, "group")).select_by_value("provincial")
    done = int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-checks") or 0)
    files = driver.find_element(By.ID, "files")
    files.clear()
    files.send_keys(str(path))
    driver.find_element(By.ID, "submit").click()
    WebDriverWait(driver, 300).until(  # the page says when a check is over
        lambda d: int(d.find_element(By.TAG_NAME, "body").get_attribute("data-checks") or 0) > done
    )
    text: str = driver.find_element(By.ID, "ket-qua").text
    return text


def test_an_agency_checks_its_form_fixes_it_and_sees_its_score(page: Any, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(FORM)
    book["Phiếu tự đánh giá"]["F16"] = 12
    book["Phiếu tự đánh giá"]["F18"] = "hai mươi"
    broken = tmp_path / "so-noi-vu-loi.xlsx"
    book.save(broken)
    shown = _check(page, broken)
    assert "Phiếu tự đánh giá!F16" in shown and "Phiếu tự đánh giá!F18" in shown
    assert "vượt điểm tối đa" in shown and "2 lỗi" in shown
    shown = _check(page, FORM)  # the form as it should be
    assert "Tổng điểm: 82,0 / 100" in shown and "xếp loại: Khá" in shown
    assert "Hạ tầng kỹ thuật CNTT" in shown and "8,0" in shown
    assert "tổng điểm của 6 tiêu chí" in shown  # the explanation of the total
    assert "Tải bảng kết quả (Excel)" in shown
    assert "Tải thông báo kết quả của Sở Nội vụ (Word)" in shown  # the result sheet, from /api/result-sheet


def test_the_page_has_the_accessibility_basics(page: Any) -> None:
    from selenium.webdriver.common.by import By

    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert page.find_element(By.TAG_NAME, "h1").text
    assert len(page.find_elements(By.TAG_NAME, "h2")) >= 3
    for control in page.find_elements(By.CSS_SELECTOR, "select, input"):
        ident = control.get_attribute("id")
        assert page.find_elements(By.CSS_SELECTOR, f"label[for='{ident}']"), ident  # every control has a label
        assert control.get_attribute("tabindex") != "-1"
    assert page.find_element(By.ID, "status").get_attribute("role") == "status"
    # the keyboard reaches the controls in order: rubric, group, template link, files, (token), submit
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = []
    for _ in range(12):
        ActionChains(page).send_keys(Keys.TAB).perform()
        reached.append(page.switch_to.active_element.get_attribute("id"))
    assert {"rubric", "group", "files", "submit"} <= set(reached)
    width, viewport = page.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert viewport < 600 and width <= viewport  # on a phone's narrow screen, no sideways scrolling
