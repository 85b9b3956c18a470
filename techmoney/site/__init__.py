"""The site model: the view a link names and its parsing, the site map, every address (pages, downloads)
and the links built from them (share link, embed link, citation). Below the content, which links to it."""
