"""The site map (techmoney/site/sitemap.py): one default page, unique paths, every script on disk."""

from techmoney.site.sitemap import PAGES, URL_PATHS
from tests.conftest import REPO


def test_one_default_page_and_unique_paths_with_their_scripts():
    assert [page.is_default for page in PAGES].count(True) == 1
    assert len(set(URL_PATHS)) == len(URL_PATHS) == len(PAGES) - 1
    for page in PAGES:
        assert (REPO / page.script).is_file(), page.script
        assert not page.script.startswith("pages/"), "a pages/ folder switches Streamlit back to file-name navigation"
