#!/usr/bin/python3
"""Browser tests of the search page: `dossier serve --port 0` on a fixture index, driven in a real
headless Chromium (Debian's chromium, chromium-driver and python3-selenium; no browser download).

Usage: page_test.py --dossier BIN --screenshots DIR CHECK
Each CHECK starts its own index, server and browser, and checks what is on the page. Every wait is
for a condition on the page (generous timeouts for a loaded machine), never a fixed sleep. After
each check the browser's console must hold no error and every resource must have come from the
server itself.
"""

import argparse
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 90  # seconds for any one condition; the machine may be busy

# The fixture: reports dated across months, one to the year only, two without a date.
REPORTS = {
    "norway-espionage.md": ("2024-02-13", "Norway assessment",
                            "The Norwegian police service warns of Chinese espionage against Norway. "
                            "Espionage by the MSS targets Norwegian research. A botnet was found."),
    "norway-botnet.md": ("2024-02", "Botnet in Norway", "Norway took down a botnet run from Russia."),
    "china-europe.md": ("2024-03-06", "Covert operations in Europe",
                        "China's Ministry of State Security runs espionage in Europe. The espionage "
                        "campaign used Fortinet devices. Espionage again, and espionage once more."),
    "iran.md": ("2023-11", "Iranian phishing", "Iran's intelligence ministry ran phishing against Israel."),
    "russia.md": ("2023-05-02", "Russian sabotage", "Russia planned sabotage in Germany; espionage too."),
    "annual.md": ("2022", "Annual review", "Espionage statistics for the year, Norway and China."),
    "indicators.txt": (None, "Indicators", "C2 at 203.0.113.77 and evil.example.com; espionage tooling."),
    "notes.txt": (None, "Notes", "Meeting notes about Norway and a botnet."),
}


def write_reports(folder):
    for name, (date, title, text) in REPORTS.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            if name.endswith(".md"):
                out.write(f"---\ntitle: {title}\ndate: {date}\n---\n{text}\n")
            else:
                out.write(f"{title}\n{text}\n")


class Session:
    """An index, a server on a free port and a browser at a given size."""

    def __init__(self, dossier, width, height):
        self.work = tempfile.mkdtemp(prefix="dossier-browser-")
        reports = os.path.join(self.work, "reports")
        os.mkdir(reports)
        write_reports(reports)
        self.db = os.path.join(self.work, "db")
        self.dossier = dossier
        subprocess.run([dossier, "index", reports, "--db", self.db, "--quiet"], check=True)
        self.server = subprocess.Popen([dossier, "serve", "--db", self.db, "--port", "0"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready, _, _ = select.select([self.server.stdout], [], [], TIMEOUT)
        if not ready:
            raise RuntimeError("dossier serve printed no address")
        self.url = self.server.stdout.readline().decode().strip()
        match = re.fullmatch(r"(http://127\.0\.0\.1:\d+/)#token=([0-9a-f]{32})", self.url)
        if not match:
            raise RuntimeError(f"unexpected first line: {self.url!r}")
        self.base, self.token = match.group(1), match.group(2)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={os.path.join(self.work, 'profile')}",
                     f"--window-size={width},{height}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(TIMEOUT)
        self.driver.set_script_timeout(TIMEOUT)
        # The viewport itself, not the window, has the size asked for.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.server.terminate()
            code = self.server.wait(TIMEOUT)
            shutil.rmtree(self.work, ignore_errors=True)
            if code != 0:
                raise AssertionError(f"dossier serve exited {code} on SIGTERM")

    # --- driving the page ---------------------------------------------------------------

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, what, condition):
        try:
            return WebDriverWait(self.driver, TIMEOUT, poll_frequency=0.05).until(lambda _: condition())
        except TimeoutException:
            raise AssertionError(f"timed out waiting for {what}; page state: {self.js('return document.body.dataset.ready')}")

    def renders(self):
        return int(self.js("return document.body.dataset.renders || '0'"))

    def open(self, query="", expect="results"):
        """Opens the page at `?query` with the token and waits for it to settle."""
        self.driver.get(f"{self.base}{'?' + query if query else ''}#token={self.token}")
        self.wait(f"the page to show {expect}", lambda: self.js("return document.body.dataset.ready") == expect)

    def after(self, action, expect="results"):
        """Runs `action` and waits for the page to settle again on `expect`."""
        before = self.renders()
        action()
        self.wait(f"{expect} after an action",
                  lambda: self.renders() > before and self.js("return document.body.dataset.ready") == expect)

    def press(self, *keys):
        """Types `keys` into whatever has the focus, as a user would."""
        ActionChains(self.driver).send_keys(*keys).perform()

    def show_facets(self):
        """Unfolds the facets where a narrow screen folds them."""
        panel = self.driver.find_element(By.ID, "facet-panel")
        if panel.get_attribute("open") is None:
            panel.find_element(By.TAG_NAME, "summary").click()
            self.wait("the facets to unfold", lambda: panel.get_attribute("open") is not None)

    def total(self):
        text = self.driver.find_element(By.CSS_SELECTOR, "#summary strong").text
        return int(text.split()[0].replace(",", ""))

    def hits(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#hits .hit")

    def facet_button(self, name):
        self.show_facets()
        for button in self.driver.find_elements(By.CSS_SELECTOR, "#facet-list .value"):
            if button.find_element(By.CSS_SELECTOR, ".name").text == name:
                return button
        raise AssertionError(f"no facet value {name!r}")

    def run_dossier(self, *args, ok=(0,)):
        """Runs the dossier binary on this session's index and returns its stdout."""
        done = subprocess.run([self.dossier, *args, "--db", self.db], capture_output=True, text=True)
        expect(done.returncode in ok, f"dossier {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return done.stdout

    def watch_buttons(self):
        """{name: its news} of the watch list."""
        return {button.find_element(By.CSS_SELECTOR, ".name").text: button.find_element(By.CSS_SELECTOR, ".news").text
                for button in self.driver.find_elements(By.CSS_SELECTOR, "#watch-list .watch")}

    def check_clean(self):
        errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        if errors:
            raise AssertionError(f"console errors: {errors}")
        foreign = self.js("""return performance.getEntriesByType('resource').map(e => e.name)
                             .filter(name => !name.startsWith(location.origin + '/'));""")
        if foreign:
            raise AssertionError(f"requests to other origins: {foreign}")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


# --- the checks ------------------------------------------------------------------------------

def check_hits_and_facets(page):
    page.open("q=espionage")
    expect(page.total() == 5, f"expected 5 matches of espionage, got {page.total()}")
    expect(len(page.hits()) == 5, "every hit is listed")
    first = page.hits()[0]
    expect(first.find_element(By.CSS_SELECTOR, ".hit-link").text, "a hit has a title")
    expect(first.find_elements(By.CSS_SELECTOR, ".snippet b"), "the snippet highlights the query")
    expect("exact counts" in page.driver.find_element(By.ID, "summary").text, "the summary says counts are exact")
    norway = page.facet_button("Norway")
    count = int(norway.find_element(By.CSS_SELECTOR, ".count").text)
    expect(count == 2, f"Norway is named by 2 of the matches, the facet says {count}")
    for title in ("COUNTRIES", "ACTORS", "YEARS", "LANGUAGES", "TYPES"):
        expect(title in page.driver.find_element(By.ID, "facet-list").text.upper(), f"a {title} panel")


def check_country_facet(page):
    page.open("q=*")
    everything = page.total()
    norway = page.facet_button("Norway")
    count = int(norway.find_element(By.CSS_SELECTOR, ".count").text)
    page.after(norway.click)
    expect("country=NO" in page.driver.current_url, "the filter is in the address")
    expect(page.total() == count, f"the facet said {count}, the filter keeps {page.total()}")
    expect(len(page.hits()) == count, "as many hits as the count")
    for hit in page.hits():
        expect("NO" in [tag.text for tag in hit.find_elements(By.CSS_SELECTOR, ".tag.country")],
               "every hit names Norway")
    expect(page.facet_button("Norway").get_attribute("aria-pressed") == "true", "the value shows it is on")
    china = int(page.facet_button("China").find_element(By.CSS_SELECTOR, ".count").text)
    expect(china <= count, "the other counts are over the narrowed matches")
    page.after(page.facet_button("Norway").click)
    expect(page.total() == everything, "a second click removes the filter")
    expect("country=" not in page.driver.current_url, "and takes it out of the address")


def check_timeline(page):
    page.open("q=*")
    bar = page.driver.find_element(By.CSS_SELECTOR, '#timeline a[data-period="2024-02"]')
    label = bar.get_attribute("aria-label")
    count = int(re.search(r": (\d+) report", label).group(1))
    expect(count == 2, f"February 2024 has 2 reports, its bar says {label!r}")
    page.after(bar.click)
    expect("since=2024-02" in page.driver.current_url and "until=2024-02" in page.driver.current_url,
           "the bar sets since and until")
    expect(page.total() == count, f"the bar said {count}, the filter keeps {page.total()}")
    for hit in page.hits():
        expect(hit.find_element(By.CSS_SELECTOR, ".meta").text.startswith("2024-02"), "every hit is from the month")
    undated = page.driver.find_element(By.CSS_SELECTOR, '#timeline a[data-period="none"]')
    page.after(undated.click)
    expect("undated=1" in page.driver.current_url, "the no-date bar keeps undated reports")
    expect(page.total() == 2, "two reports have no date")
    for hit in page.hits():
        expect(hit.find_element(By.CSS_SELECTOR, ".meta").text.startswith("no date"), "every hit is undated")


def check_document_view(page):
    page.open("q=espionage")
    link = next(h.find_element(By.CSS_SELECTOR, ".hit-link") for h in page.hits()
                if h.find_element(By.CSS_SELECTOR, ".hit-link").text == "Covert operations in Europe")
    page.after(link.click, expect="document")
    expect("doc=" in page.driver.current_url, "the document is in the address")
    marks = page.driver.find_elements(By.CSS_SELECTOR, "#document .text mark")
    expect(len(marks) == 4, f"the four matches of espionage are marked, found {len(marks)}")
    status = page.driver.find_element(By.CSS_SELECTOR, ".match-status")
    page.wait("the first match to be current", lambda: status.text == "Match 1 of 4")
    page.press("n")
    page.wait("n to move to the second match", lambda: status.text == "Match 2 of 4")
    current = page.driver.find_elements(By.CSS_SELECTOR, "#document mark.current")
    expect(len(current) == 1 and current[0] == marks[1], "the second mark is the current one")
    page.press("p")
    page.wait("p to move back", lambda: status.text == "Match 1 of 4")
    page.press("p")
    page.wait("p to wrap around to the last", lambda: status.text == "Match 4 of 4")
    page.wait("similar reports", lambda: page.driver.find_elements(By.CSS_SELECTOR, ".similar li"))
    text = page.driver.find_element(By.ID, "document").text
    expect("Ministry of State Security" in text, "the entities are listed")
    expect("2024-03-06" in text, "the metadata is shown")


def check_back_button(page):
    page.open("q=espionage")
    first_total = page.total()
    page.after(page.facet_button("Norway").click)
    narrowed = page.total()
    expect(narrowed < first_total, "the filter narrowed the hits")
    page.after(page.driver.back)
    expect(page.total() == first_total, "back restores the previous search")
    expect("country=" not in page.driver.current_url, "and its address")
    expect(page.facet_button("Norway").get_attribute("aria-pressed") == "false", "and its facets")
    page.after(page.driver.forward)
    expect(page.total() == narrowed, "forward goes to the filtered search again")
    link = page.hits()[0].find_element(By.CSS_SELECTOR, ".hit-link")
    page.after(link.click, expect="document")
    page.after(page.driver.back)
    expect(page.total() == narrowed, "back from a document shows its results")


def check_keyboard(page):
    page.open("q=espionage")
    page.press("/")
    page.wait("/ to focus the search box", lambda: page.js("return document.activeElement.id") == "q")
    page.press(Keys.ESCAPE)
    page.wait("Escape to leave the box", lambda: page.js("return document.activeElement.id") != "q")
    links = page.driver.find_elements(By.CSS_SELECTOR, "#hits .hit-link")
    page.press("j")
    page.wait("j to focus the first hit", lambda: page.driver.switch_to.active_element == links[0])
    page.press("j")
    page.wait("j to move to the second hit", lambda: page.driver.switch_to.active_element == links[1])
    page.press("k")
    page.wait("k to move back", lambda: page.driver.switch_to.active_element == links[0])
    page.after(lambda: page.press(Keys.ENTER), expect="document")
    page.after(lambda: page.press(Keys.ESCAPE))
    expect(page.total() == 5, "Escape goes back to the results")
    # A query typed and submitted with the keyboard alone.
    page.press("/")
    page.wait("/ to focus the search box", lambda: page.js("return document.activeElement.id") == "q")
    page.after(lambda: page.press("botnet", Keys.ENTER))
    expect(page.total() == 3, f"botnet matches 3 reports, the page says {page.total()}")


def check_filter_box(page):
    page.open("q=*")
    norway = int(page.facet_button("Norway").find_element(By.CSS_SELECTOR, ".count").text)
    box = page.driver.find_element(By.ID, "filter-name")
    box.send_keys("Norw")
    page.wait("Norway to be suggested", lambda: page.js(
        "return [...document.querySelectorAll('#filter-names option')].map(o => o.value)"
        ".find(v => v.startsWith('Norway (country, '))"))
    suggestion = page.js("return [...document.querySelectorAll('#filter-names option')].map(o => o.value)"
                         ".find(v => v.startsWith('Norway (country, '))")
    expect(suggestion == f"Norway (country, {norway})", f"the suggestion counts the reports: {suggestion!r}")
    page.after(lambda: box.send_keys(suggestion[len("Norw"):]))
    expect("country=NO" in page.driver.current_url, "choosing the suggestion adds the filter")
    expect(page.total() == norway, f"the suggestion said {norway}, the filter keeps {page.total()}")


def check_export(page):
    downloads = os.path.join(page.work, "downloads")
    os.mkdir(downloads)
    page.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    page.open("q=espionage&country=NO")
    expected = page.total()
    page.driver.find_element(By.ID, "export-csv").click()
    path = os.path.join(downloads, "dossier-export.csv")
    def complete():
        if not os.path.exists(path):
            return False
        with open(path, encoding="utf-8", newline="") as partial:
            return partial.read().endswith("\r\n")
    page.wait("the CSV download", complete)
    with open(path, encoding="utf-8", newline="") as csv:
        lines = csv.read().split("\r\n")[:-1]
    expect(lines[0].startswith("rank,id,score,path,title,date"), f"a header line: {lines[0]!r}")
    expect(len(lines) - 1 == expected, f"the export lists the {expected} filtered matches, not {len(lines) - 1}")
    expect(all("NO" in line for line in lines[1:]), "every row is a filtered match")


def check_watches(page):
    # Two watches: one never run (every match is new), one whose run is recorded (nothing new).
    page.run_dossier("watch", "add", "Norway botnets", "botnet", "--country", "Norway")
    page.run_dossier("watch", "add", "Sabotage", "sabotage")
    page.run_dossier("watch", "run", "Sabotage", ok=(0, 1))
    botnets = int(page.run_dossier("search", "botnet", "--country", "Norway", "--count"))
    expect(botnets > 1, f"the fixture has several Norway botnet reports, not {botnets}")
    page.open()
    page.wait("the watch list", lambda: len(page.watch_buttons()) == 2)
    watches = page.watch_buttons()
    expect(watches == {"Norway botnets": f"{botnets} new", "Sabotage": "nothing new"},
           f"each watch with its count of new matches: {watches}")
    button = page.driver.find_element(By.CSS_SELECTOR, "#watch-list .watch[data-name='Norway botnets']")
    page.after(button.click, expect="watch")
    expect("watch=Norway+botnets" in page.driver.current_url, f"the watch is in the address: {page.driver.current_url}")
    titles = sorted(hit.find_element(By.CSS_SELECTOR, ".hit-link").text for hit in page.hits())
    searched = json.loads(page.run_dossier("search", "botnet", "--country", "Norway", "--json"))
    expect(titles == sorted(hit["title"] for hit in searched["hits"]), f"the watch's new matches are listed: {titles}")
    expect(all(hit.find_element(By.CSS_SELECTOR, ".tag.change").text == "new" for hit in page.hits()),
           "each hit says it is new")
    summary = page.driver.find_element(By.ID, "summary").text
    expect(summary.startswith(f"Norway botnets: {botnets} new"), f"the summary names the watch: {summary!r}")
    # A hit opens its document; back returns to the watch's matches.
    page.after(page.hits()[0].find_element(By.CSS_SELECTOR, ".hit-link").click, expect="document")
    page.after(page.driver.back, expect="watch")
    expect(len(page.hits()) == botnets, "back shows the watch's matches again")
    # Showing the news records nothing: the list still counts them after a reload.
    page.open()
    page.wait("the watch list", lambda: page.watch_buttons().get("Norway botnets") == f"{botnets} new")


def check_screenshots(page, directory, name):
    page.open("q=espionage")
    page.wait("the timeline", lambda: page.driver.find_elements(By.CSS_SELECTOR, "#timeline svg"))
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    expect(page.driver.save_screenshot(path), f"could not write {path}")
    overflow = page.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    expect(overflow <= 0, f"the page is {overflow} px wider than the screen")
    print(f"wrote {path}")


CHECKS = {
    "hits-and-facets": (1280, 800, check_hits_and_facets),
    "country-facet": (1280, 800, check_country_facet),
    "timeline": (1280, 800, check_timeline),
    "document-view": (1280, 800, check_document_view),
    "back-button": (1280, 800, check_back_button),
    "keyboard": (1280, 800, check_keyboard),
    "filter-box": (1280, 800, check_filter_box),
    "export": (1280, 800, check_export),
    "watches": (1280, 800, check_watches),
    "screenshot-wide": (1280, 800, None),
    "screenshot-phone": (390, 844, None),
    "narrow-360": (360, 740, check_hits_and_facets),
}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossier", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("check", choices=sorted(CHECKS))
    args = parser.parse_args(argv)
    width, height, run = CHECKS[args.check]
    page = Session(args.dossier, width, height)
    try:
        if run is None:
            check_screenshots(page, args.screenshots, f"page-{width}x{height}.png")
        else:
            run(page)
        page.check_clean()
    finally:
        page.close()
    print(f"ok: {args.check}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
