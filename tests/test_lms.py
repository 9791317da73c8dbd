"""LMS packages (SCORM 1.2), built with the site and made on the assignment page: what is in
them, their manifests checked against the published SCORM 1.2 schemas, and a package run
inside a real SCORM runtime (scorm-again, the npm package LMSs embed) in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, in_front, serving
from lxml import etree
from playwright.sync_api import Page, expect

SCHEMAS = ROOT / "build_tools" / "scorm_schemas"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
PACKAGES = ("idlib-last-stand", "biden-strike-idlib", "all-exercises")


class _XmlNamespaceSchema(etree.Resolver):
    """The published `ims_xml.xsd` binds the `xml` namespace as its default namespace, which
    XML Namespaces forbids and libxml2 refuses; it is read without that one declaration."""

    def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
        if url and url.endswith("ims_xml.xsd"):
            text = (SCHEMAS / "ims_xml.xsd").read_text(encoding="utf-8")
            fixed = text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1)
            return self.resolve_string(fixed, context)
        return None


def scorm_schema() -> etree.XMLSchema:
    """IMS CP 1.1.2 with the ADL SCORM 1.2 extensions. (The manifests carry no IMS meta-data,
    whose schema libxml2 cannot compile: its content model is not deterministic.)"""
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{(SCHEMAS / name).as_uri()}"/>'
        for ns, name in (
            ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
        )
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_XmlNamespaceSchema())
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=str(SCHEMAS) + "/"))


def check_package(archive: zipfile.ZipFile) -> dict[str, Any]:
    """Everything a SCORM 1.2 package must be: a manifest valid against the schemas, one SCO
    launched from a file in the package, every file listed and every listed file present,
    nothing for teachers inside. Returns the launch page's data."""
    names = set(archive.namelist())
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    schema = scorm_schema()
    assert schema.validate(manifest), schema.error_log
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = manifest.find(f"{CP}organizations")
    default = organizations.get("default")
    organization = organizations.find(f"{CP}organization[@identifier='{default}']")
    item = organization.find(f"{CP}item")
    resource = manifest.find(
        f"{CP}resources/{CP}resource[@identifier='{item.get('identifierref')}']"
    )
    assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("type") == "webcontent"
    assert resource.get("href") in names
    listed = {f.get("href") for f in resource.findall(f"{CP}file")}
    # The schemas the manifest names sit beside it, as SCORM 1.2 asks; they are no content.
    control = {"imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"}
    assert control <= names
    for name in control:
        assert archive.read(name) == (SCHEMAS / name).read_bytes()
    assert listed == names - {"imsmanifest.xml"} - control
    assert not [n for n in names if n.startswith(("teachers/", "check-ups/", "downloads/"))]
    assert not [n for n in names if n.endswith("answer-key.html")]
    launch = archive.read(resource.get("href")).decode()
    found = re.search(
        r'<script type="application/json" id="stc-package-data">(.*?)</script>', launch, re.S
    )
    assert found
    data: dict[str, Any] = json.loads(found.group(1))[0]
    assert organization.findtext(f"{CP}title") == data["title"] == item.findtext(f"{CP}title")
    assert manifest.get("identifier") == data["identifier"]
    for exercise in data["exercises"]:
        assert exercise["href"] in names
        # What scoring needs, and nothing a learner could read the answers' words from.
        assert set(exercise) <= {"id", "title", "kind", "version", "answers", "reference", "href"}
    # The pages an exercise may lead to: the package's own, never another exercise's, whose
    # pages are not in the package at all.
    assert set(data["pages"]) <= names
    held = {n for n in names if re.fullmatch(r"articles/[^/]+/(?!index\.)[^/]+\.html", n)}
    assert held == {e["href"] for e in data["exercises"]}
    assert {e["href"] for e in data["exercises"]} <= set(data["pages"])
    assert not {"assignment.html", "progress.html"} & set(data["pages"])
    index = json.loads(archive.read("search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert locations and not [
        loc for loc in locations if loc.startswith("teachers/") or "answer-key" in loc
    ]
    # Every result leads to a page in the package, in both forms of the index.
    assert {(loc.split("#")[0] or "index.html") for loc in locations} <= names
    script = archive.read("search/search_index.js").decode()
    assert script.startswith("var __index = ")
    from_disk = json.loads(script.removeprefix("var __index = ").rstrip().removesuffix(";"))
    assert from_disk["docs"] == index["docs"]
    # The manifest keeps no blank lines where files it no longer lists stood.
    assert "\n\n" not in archive.read("imsmanifest.xml").decode().replace("\r", "")
    return data


@pytest.mark.parametrize("name", PACKAGES)
def test_each_built_package_is_a_valid_scorm_1_2_package(
    built_site: tuple[Path, str], name: str
) -> None:
    site, _ = built_site
    with zipfile.ZipFile(site / "downloads" / "lms" / f"spot-the-claim-{name}.zip") as archive:
        data = check_package(archive)
    assert data["exercises"]
    ids = [e["id"] for e in data["exercises"]]
    assert len(ids) == len(set(ids))


def test_a_manifest_that_breaks_the_schema_is_refused() -> None:
    """The schema check can fail: a resource without its required identifier."""
    bad = b"""<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"><organizations/>
      <resources><resource type="webcontent" adlcp:scormtype="sco" href="a.html"/>
      </resources></manifest>"""
    assert not scorm_schema().validate(etree.fromstring(bad))
    wrong_kind = bad.replace(b'type="webcontent"', b'identifier="r" type="webcontent"').replace(
        b'scormtype="sco"', b'scormtype="lesson"'
    )
    assert not scorm_schema().validate(etree.fromstring(wrong_kind))


HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.js"></script></head>
<body>
<script>
  // The LMS side: scorm-again's SCORM 1.2 runtime, started with what the LMS had stored
  // (given in the address's fragment by the test), committing nowhere.
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  const stored = decodeURIComponent(location.hash.slice(1));
  if (stored) window.API.loadFromJSON(JSON.parse(stored));
  const frame = document.createElement("iframe");
  frame.title = "Course content";
  frame.style.cssText = "width: 100%; height: 900px; border: 0";
  frame.src = "pkg/launch.html";
  document.body.append(frame);
</script>
</body></html>
"""


def mounted(frame: Any, exercise_id: str) -> None:
    """Wait for the exercise `exercise_id` to be ready in `frame`: a page being replaced is
    still ready for a moment, and clicks on the new one before it is mounted are lost."""
    selector = f'.stc-exercise[data-exercise="{exercise_id}"][data-stc-mounted]'
    expect(frame.locator(selector)).to_have_count(1)


def make_assignment_package(page: Page, site_url: str) -> bytes:
    page.goto(site_url + "teachers/assign/")
    page.locator("#stc-pick-warning-or-threat").check()
    # A vertical tab (a pasted line break from a word processor) cannot be XML at all.
    page.get_by_label("Assignment name").fill('Week 3 <b>"claims"</b>\x0b')
    page.get_by_role("button", name="Create link").click()
    # The form changes after the link is made: the link and its package are not of it.
    page.locator("#stc-pick-media-as-a-whole").check()
    expect(page.get_by_role("status")).to_have_text(
        "The form has changed: press Create link again for a link to what it says now."
    )
    expect(page.get_by_label("Link for your students")).to_have_value("")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(page.get_by_role("button", name="Download as an LMS package (SCORM 1.2)")).to_be_hidden()
    page.get_by_role("button", name="Create link").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as an LMS package (SCORM 1.2)").click()
    expect(page.get_by_role("status")).to_contain_text("upload it to your LMS")
    return Path(download.value.path()).read_bytes()


def test_an_assignment_package_reports_to_a_scorm_runtime(
    checked_page: Page, site_url: str, tmp_path: Path
) -> None:
    page = checked_page
    made = make_assignment_package(page, site_url)
    with zipfile.ZipFile(BytesIO(made)) as archive:
        data = check_package(archive)
        assert data["title"] == 'Spot the Claim: Week 3 <b>"claims"</b>'
        assert [e["id"] for e in data["exercises"]] == ["warning-or-threat", "media-as-a-whole"]
        archive.extractall(tmp_path / "pkg")
    shutil.copy(SCORM_AGAIN, tmp_path / "scorm12.js")
    (tmp_path / "host.html").write_text(HOST, encoding="utf-8")
    second = data["exercises"][1]
    targets = [a["unit"] for a in second["answers"] if a["verdict"] in ("unsupported", "overreach")]
    with serving(tmp_path) as lms:
        outside: list[str] = []
        page.on(
            "request",
            lambda r: None if r.url.startswith((lms, "blob:", "data:")) else outside.append(r.url),
        )
        start = {"cmi": {"core": {"student_name": "Lee, Ana", "lesson_status": "not attempted"}}}
        page.goto(lms + "host.html#" + json.dumps(start))
        launch = page.frame_locator("iframe").first
        expect(launch.locator("[data-stc-package-who]")).to_have_text(
            "Signed in as Ana Lee. Your work is saved to your course as you go."
        )
        expect(launch.locator("h1")).to_have_text('Spot the Claim: Week 3 <b>"claims"</b>')
        # Only looking reports nothing: what the LMS had stays as it was.
        assert page.evaluate("API.LMSGetValue('cmi.core.score.raw')") == ""
        assert page.evaluate("API.LMSGetValue('cmi.suspend_data')") == ""
        exercise = launch.frame_locator("iframe")
        for number in (2, 4, 5):
            exercise.locator(f'.stc-unit[data-unit="{number}"]').click()
        exercise.get_by_role("button", name="Check answers").click()
        expect(exercise.locator(".stc-summary")).to_contain_text("You found 3 of 3")
        # The way on is the package's next exercise, not the site's.
        expect(exercise.locator(".stc-next")).to_have_text(f"Next exercise: {second['title']}")
        assert page.evaluate("API.LMSGetValue('cmi.core.lesson_status')") == "incomplete"
        assert page.evaluate("API.LMSGetValue('cmi.core.score.raw')") == "50"
        launch.get_by_role("button", name="Next exercise").click()
        mounted(exercise, second["id"])  # the new page, not the one it replaces
        expect(exercise.locator("h1")).to_have_text(second["title"])
        # The last exercise: "Next" is disabled, and the keyboard's place moves to "Previous".
        expect(launch.get_by_role("button", name="Next exercise")).to_be_disabled()
        expect(launch.get_by_role("button", name="Previous exercise")).to_be_focused()
        exercise.locator(f'.stc-unit[data-unit="{targets[0]}"]').click()
        exercise.get_by_role("button", name="Check answers").click()
        expect(launch.locator("[data-stc-package-status]")).to_contain_text(
            "All 2 exercises done · score "
        )
        expect(exercise.locator(".stc-next")).to_have_text(
            "That was the last exercise in this package: see your score above."
        )
        expected_second = round(100 / len(targets))
        score = page.evaluate("API.LMSGetValue('cmi.core.score.raw')")
        assert score == str(round((100 + expected_second) / 2))
        assert page.evaluate("API.LMSGetValue('cmi.core.lesson_status')") == "completed"
        cmi = page.evaluate("API.renderCMIToJSONObject()")
        interactions = cmi["cmi"]["interactions"]
        rows = [interactions[key] for key in sorted(interactions) if key.isdigit()]
        assert [(r["id"], r["type"], r["student_response"], r["result"]) for r in rows] == [
            ("warning-or-threat", "fill-in", "2,4,5", "correct"),
            (
                "media-as-a-whole",
                "fill-in",
                str(targets[0]),
                "wrong"
                if expected_second == 0
                else ("correct" if expected_second == 100 else str(expected_second)),
            ),
        ]
        suspend = page.evaluate("API.LMSGetValue('cmi.suspend_data')")
        assert len(json.loads(suspend)["work"]) == 2
        page.evaluate("document.querySelector('iframe').remove()")  # the LMS closes the SCO
        assert page.evaluate("API.isTerminated()") is True
        # The next session: the LMS hands back what it stored.
        again = {
            "cmi": {
                "core": {
                    "student_name": "Lee, Ana",
                    "lesson_status": "completed",
                    "score": {"raw": score},
                    "entry": "resume",
                },
                "suspend_data": suspend,
                "interactions": {str(i): row for i, row in enumerate(rows)},
            }
        }
        page.goto(lms + "host.html?session=2#" + json.dumps(again))
        expect(launch.locator("[data-stc-package-status]")).to_contain_text(
            "All 2 exercises done · score "
        )
        # Every exercise is done, so the first is shown.
        expect(exercise.locator("h1")).to_have_text("A warning, or a threat?")
        expect(exercise.locator(".stc-summary")).to_contain_text("You found 3 of 3")
        # Inside the package: sources open in a new tab, not in the course's frame; a page
        # the package leaves out (an exercise not assigned) is named, not linked.
        source = exercise.locator(".stc-checking__sources a[href^='http']").first
        expect(source).to_have_attribute("target", "_blank")
        # A Ctrl-click would open the page on its own, outside the course: it opens here.
        exercise.locator("article").get_by_role(
            "link", name="Idlib: Al Qaeda's Last Stand", exact=True
        ).click(modifiers=["Control"])
        expect(exercise.locator("h1")).to_contain_text("Idlib")
        expect(launch.locator("[aria-current]")).to_have_count(0)  # no exercise is shown
        assert len(page.context.pages) == 1
        expect(exercise.locator("a", has_text="Attacking the messenger")).to_have_count(0)
        expect(
            exercise.locator(".stc-left-out", has_text="Attacking the messenger")
        ).not_to_have_count(0)
        expect(exercise.get_by_role("link", name="A warning, or a threat?").first).to_be_visible()
        # A change reports that exercise again at its own index: nothing is journaled twice.
        launch.get_by_role("link", name=second["title"]).click()
        mounted(exercise, second["id"])
        exercise.get_by_role("button", name="Try again").click()
        exercise.locator(f'.stc-unit[data-unit="{targets[0]}"]').click()
        exercise.get_by_role("button", name="Check answers").click()
        expect(launch.locator("[data-stc-package-status]")).to_contain_text("All 2 exercises done")
        assert page.evaluate("API.LMSGetValue('cmi.interactions._count')") == "2"
        assert outside == []


def test_a_package_never_lowers_nor_writes_over_what_the_lms_holds(
    built_site: tuple[Path, str], checked_page: Page, tmp_path: Path
) -> None:
    """Suspend data the package cannot read (another version's, or cut short by an LMS) is
    left as it was, and the score and status recorded with it are not lowered by work that
    cannot count what came before. After the LMS has ended the session, a reloaded package
    asks to be opened again from the course instead of quietly saving elsewhere."""
    site, _ = built_site
    page = checked_page
    with zipfile.ZipFile(site / "downloads" / "lms" / "spot-the-claim-idlib-last-stand.zip") as zf:
        zf.extractall(tmp_path / "pkg")
    shutil.copy(SCORM_AGAIN, tmp_path / "scorm12.js")
    (tmp_path / "host.html").write_text(HOST, encoding="utf-8")
    unreadable = '{"format":2,"work":{"0123abcd":[1,"2a4'  # cut short
    with serving(tmp_path) as lms:
        start = {
            "cmi": {
                "core": {
                    "student_name": "Lee, Ana",
                    "student_id": "s1",
                    "lesson_status": "passed",
                    "score": {"raw": "80"},
                },
                "suspend_data": unreadable,
            }
        }
        page.goto(lms + "host.html#" + json.dumps(start))
        launch = page.frame_locator("iframe").first
        expect(launch.locator("[data-stc-package-who]")).to_contain_text(
            "Your course holds saved work these exercises cannot read. It is left as it was"
        )
        exercise = launch.frame_locator("iframe")
        exercise.locator('.stc-unit[data-unit="2"]').click()
        exercise.get_by_role("button", name="Check answers").click()
        expect(launch.locator("[data-stc-package-status]")).to_contain_text(
            "1 of 16 exercises done"
        )
        assert page.evaluate("API.LMSGetValue('cmi.core.score.raw')") == "80"
        assert page.evaluate("API.LMSGetValue('cmi.core.lesson_status')") == "passed"
        assert page.evaluate("API.LMSGetValue('cmi.suspend_data')") == unreadable
        assert page.evaluate("API.LMSGetValue('cmi.interactions._count')") == "1"
        page.evaluate("document.querySelector('iframe').remove()")
        # Suspend data the package reads, holding less than the recorded score stands for:
        # the LMS took the score once and refused the suspend data.
        data = json.loads(
            re.search(
                r'id="stc-package-data">(.*?)</script>',
                (tmp_path / "pkg" / "launch.html").read_text(encoding="utf-8"),
                re.S,
            ).group(1)
        )[0]
        first = data["exercises"][0]
        saved = json.dumps(
            {"format": 2, "work": {first["version"][:8]: [1, "2-4-5-", "=", "", -1]}}
        )
        start["cmi"]["suspend_data"] = saved
        start["cmi"]["core"]["lesson_status"] = "completed"
        page.goto(lms + "host.html?again#" + json.dumps(start))
        expect(launch.locator("[data-stc-package-who]")).to_have_text(
            "Signed in as Ana Lee. Your work is saved to your course as you go."
        )
        expect(launch.locator("[data-stc-package-status]")).to_contain_text(
            "1 of 16 exercises done"
        )
        launch.get_by_role("button", name="Next exercise").click()
        mounted(exercise, data["exercises"][2]["id"])  # the first undone was shown: 1
        exercise.locator(".stc-unit").first.click()
        exercise.get_by_role("button", name="Check answers").click()
        expect(launch.locator("[data-stc-package-status]")).to_contain_text(
            "2 of 16 exercises done"
        )
        assert page.evaluate("API.LMSGetValue('cmi.core.score.raw')") == "80"
        assert page.evaluate("API.LMSGetValue('cmi.core.lesson_status')") == "completed"
        assert len(json.loads(page.evaluate("API.LMSGetValue('cmi.suspend_data')"))["work"]) == 2
        # The course opens the package again in another tab: two copies would each save
        # their own work over the other's, so the first saves, ends its session and stops.
        # This course hands the new copy its work as it stood before the first copy's last
        # check: that check comes over from the first copy, and is saved by the new one.
        other = in_front(page.context.new_page())
        other.goto(lms + "host.html?twice#" + json.dumps(start))
        expect(
            other.frame_locator("iframe").first.locator("[data-stc-package-status]")
        ).to_have_text(
            "2 of 16 exercises done · score so far 8 of 100 (exercises not yet done count as 0)."
            " These exercises were open in another tab or window too: that copy has saved your"
            " work and stopped, so carry on here."
        )
        assert len(json.loads(other.evaluate("API.LMSGetValue('cmi.suspend_data')"))["work"]) == 2
        expect(launch.locator("[data-stc-package-who]")).to_have_text(
            "You opened these exercises again in another tab or window: carry on there. This"
            " copy has saved your work and stopped."
        )
        expect(launch.locator("iframe")).to_be_hidden()
        assert page.evaluate("API.isTerminated()"), "its session ended"
        assert len(json.loads(page.evaluate("API.cmi.suspend_data"))["work"]) == 2
        other.close()
        in_front(page)
        # The learner reloads the frame after the LMS has closed the session.
        page.evaluate("document.querySelector('iframe').contentWindow.location.reload()")
        expect(launch.locator("[data-stc-package-who]")).to_have_text(
            "Your course has closed this session. To go on, close this page and open the "
            "exercises again from your course."
        )
        expect(launch.locator("iframe")).to_be_hidden()
        expect(launch.get_by_role("link")).to_have_count(0)


# ---- Common Cartridge 1.3 ----
# No schema of Common Cartridge 1.3 can be had without a connection, so the cartridge is
# checked against what the IMS Common Cartridge 1.3 specification requires of a cartridge
# of web links: the manifest in the imsccv1p3 binding of IMS Content Packaging, schema
# "IMS Common Cartridge" version "1.3.0", one organization with structure
# "rooted-hierarchy" under a single root item, each resource of type "imswl_xmlv1p3" naming
# one file, a <webLink> in the imswl_v1p3 namespace with a title and a URL.

CC = "{http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1}"
WL = "{http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3}"


def check_cartridge(archive: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """The spec's requirements; returns (module, link title, URL) in the cartridge's order."""
    names = set(archive.namelist())
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CC}manifest"
    assert manifest.findtext(f"{CC}metadata/{CC}schema") == "IMS Common Cartridge"
    assert manifest.findtext(f"{CC}metadata/{CC}schemaversion") == "1.3.0"
    identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in identifiers)  # xs:ID
    (organization,) = manifest.findall(f"{CC}organizations/{CC}organization")
    assert organization.get("structure") == "rooted-hierarchy"
    (root,) = organization.findall(f"{CC}item")
    assert root.get("identifierref") is None
    resources = {r.get("identifier"): r for r in manifest.findall(f"{CC}resources/{CC}resource")}
    links = []
    for module in root.findall(f"{CC}item"):
        for item in module.findall(f"{CC}item"):
            resource = resources.pop(item.get("identifierref"))
            assert resource.get("type") == "imswl_xmlv1p3"
            (file,) = resource.findall(f"{CC}file")
            assert file.get("href") in names
            link = etree.fromstring(archive.read(file.get("href")))
            assert link.tag == f"{WL}webLink"
            assert link.findtext(f"{WL}title") == item.findtext(f"{CC}title")
            url = link.find(f"{WL}url")
            assert url.get("target") in ("_self", "_blank")
            links.append(
                (module.findtext(f"{CC}title"), link.findtext(f"{WL}title"), url.get("href"))
            )
    assert resources == {}  # every resource is in the organization
    return links


def test_the_common_cartridge_links_every_article_and_exercise_in_order(
    checked_page: Page, site_url: str
) -> None:
    page = checked_page
    page.goto(site_url + "teachers/lms/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the Common Cartridge").click()
    assert download.value.suggested_filename.endswith(".imscc")
    # Made from a preview on this computer, its links would work nowhere else: it says so.
    expect(page.locator("[data-stc-teacher] [role=status]")).to_contain_text(
        "an address of this computer only"
    )
    with zipfile.ZipFile(download.value.path()) as archive:
        assert archive.testzip() is None
        links = check_cartridge(archive)
    # The site's order: the articles index, then each article's exercises as its page lists.
    page.goto(site_url + "articles/")
    articles = page.locator("article a[href]").evaluate_all(
        "links => links.map(a => a.href).filter(h => /articles\\/[^/]+\\/$/.test(h))"
    )
    expected: list[str] = []
    for article in dict.fromkeys(articles):
        expected.append(article)
        page.goto(article)
        expected += [
            h
            for h in page.locator(".stc-exercise-list a, article li a").evaluate_all(
                "links => links.map(a => a.href)"
            )
            if h.startswith(article)
            and h != article
            and "answer-key" not in h
            and "worksheet" not in h
        ]
    assert [url for _, _, url in links] == list(dict.fromkeys(expected))
    assert len(links) == 2 + 33  # two articles, 33 exercises
    assert links[0][1] == f"Read the article: {links[0][0]}"
    for _, _, url in links:
        assert page.request.get(url).ok
