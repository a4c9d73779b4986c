"""Checks that what residents wrote stays inert in a page's HTML: inside a
comment's name only <bdi>, inside its text only <p>, <br> and our own links
(http/https, rel="nofollow ugc noopener"), and the text reads back exactly as
typed."""

import re
from html.parser import HTMLParser

ALLOWED_IN_BODY = {"p", "br", "a"}
LINK_REL = "nofollow ugc noopener"


class CommentMarkup(HTMLParser):
    """Collects, per comment article, the tags inside its name and text and the
    text a browser would show; records anything that is not ours."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.article = None
        self.where = None  # "name" or "body"
        self.depth = 0
        self.text = {}
        self.names = {}
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "comment" in (attrs.get("class") or "").split():
            self.article = attrs.get("id")
            return
        if self.where is None:
            classes = (attrs.get("class") or "").split()
            if tag == "div" and "comment__body" in classes:
                self.where, self.depth = "body", 0
                self.text[self.article] = ""
            elif tag == "span" and "comment__author" in classes:
                self.where, self.depth = "name", 0
                self.names[self.article] = ""
            return
        if self.where == "name" and tag != "bdi":
            self.problems.append((self.article, "name", tag, attrs))
        if self.where == "body":
            if tag not in ALLOWED_IN_BODY:
                self.problems.append((self.article, "body", tag, attrs))
            if tag == "a" and (
                set(attrs) != {"href", "rel"}
                or attrs["rel"] != LINK_REL
                or not re.match(r"https?://", attrs["href"] or "", re.IGNORECASE)
            ):
                self.problems.append((self.article, "link", tag, attrs))
        if tag != "br":
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag != "br" and self.where is not None:
            self.depth -= 1

    def handle_endtag(self, tag):
        if self.where is None:
            return
        if self.depth == 0:
            self.where = None
        else:
            self.depth -= 1

    def handle_data(self, data):
        if self.where == "body":
            self.text[self.article] += data
        elif self.where == "name":
            self.names[self.article] += data


def squash(text):
    """Returns text without any whitespace (line breaks become <br> and <p>)."""
    return re.sub(r"\s+", "", text or "")


def check_inert(html, expected):
    """Asserts that every comment in `html` is inert and that each article id
    in `expected` shows exactly its (name, body)."""
    parser = CommentMarkup()
    parser.feed(html)
    parser.close()
    assert not parser.problems, parser.problems[:5]
    for article, (name, body) in expected.items():
        assert article in parser.text, f"{article} is not on the page"
        assert squash(parser.names[article]) == squash(name), (article, name)
        assert squash(parser.text[article]) == squash(body), (article, body)
    return parser
