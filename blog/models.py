"""The blog: posts written by every network (or by the site itself), the
people who write them, and the index that gathers, filters and syndicates them."""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index

from comments.models import CommentableMixin
from home.admin_forms import PageAdminForm
from home.querysets import CachedPrivacyMixin
from home.routing import CachedViewRestrictionsMixin, DeferredChildRouteMixin
from languages.listings import below_any_translation_of, in_reader_language
from networks.models import NetworkPage
from networks.permissions import attach_networks, cached_network_for_page, network_for_page

from .blocks import BlogStreamBlock
from .feeds import BlogAtomFeed, BlogRssFeed
from .forms import PersonForm

POSTS_PER_PAGE = 10
#: A CDN is told of at most this many numbered pages of each listing when a
#: post changes; deeper pages expire after their s-maxage (PAGE_CACHE_SECONDS).
PURGED_PAGES_PER_LISTING = 10
TAGS_IN_FILTER = 24


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone who writes for the blog: a member of staff, a volunteer or a
    resident. A snippet, so that one person can sign many posts."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=160, blank=True, help_text=_("For example: Co-ordinator, Volunteer.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("network"),
        help_text=_("The network this person writes for, if any."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("network")]
    base_form_class = PersonForm  # limits the network to the ones the user edits

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale"),
        # The People listing narrows a network editor's search by id (see
        # blog.views.PersonIndexView) and filters it by network.
        index.FilterField("id"),
        index.FilterField("network"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BlogTag(TagBase):
    """A tag of blog posts ("food", "trust", …), with its page at
    /blog/tag/<slug>/. Kept apart from the networks' themes (and from images'
    and documents' tags), so a blog tag's slug is never pushed to `food_1` by
    a theme of the same name."""

    free_tagging = True

    class Meta:
        verbose_name = _("blog tag")
        verbose_name_plural = _("blog tags")


class BlogPostTag(ItemBase):
    """The link between a post and one of its tags (django-taggit)."""

    tag = models.ForeignKey(BlogTag, on_delete=models.CASCADE, related_name="tagged_posts")
    content_object = ParentalKey(
        "blog.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BlogPostAuthor(Orderable):
    """One of a post's authors, in the order the editor gave."""

    page = ParentalKey("blog.BlogPostPage", on_delete=models.CASCADE, related_name="post_authors")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class BlogPostQuerySet(CachedPrivacyMixin, PageQuerySet):
    """Blog posts, with the names for what listings and feeds need."""

    def published(self):
        """Returns the posts any visitor may read: live and not behind a
        privacy restriction."""
        return self.live().public()

    def newest_first(self):
        """Returns the posts by their date, the newest first."""
        return self.order_by("-date", "-first_published_at", "-pk")

    def with_authors_and_tags(self):
        """Returns the posts with their authors (and photos) and tags fetched
        up front, in one query each, whatever the number of posts."""
        return self.prefetch_related(
            Prefetch(
                "post_authors",
                queryset=BlogPostAuthor.objects.select_related("person", "person__photo"),
            ),
            "tags",
        )

    def for_listing(self):
        """Returns the published posts, newest first, without their bodies,
        ready to be listed (see `attach_networks` for their networks)."""
        return self.published().newest_first().defer_streamfields().with_authors_and_tags()


def tags_of(posts, limit=TAGS_IN_FILTER):
    """Returns the tags used by the posts of queryset `posts`, the most used
    first, each with `num_posts` (one query)."""
    return (
        BlogTag.objects.filter(tagged_posts__content_object__in=posts)
        .annotate(num_posts=Count("tagged_posts", distinct=True))
        .order_by("-num_posts", "name")[:limit]
    )


class BlogIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, DeferredChildRouteMixin, Page):
    """Every network's posts, newest first, at /blog/; site-wide posts are its
    children. Its routes (relative to the index):

    - ``network/<network-slug>/``: one network's posts;
    - ``tag/<tag-slug>/``: the posts with a tag;
    - ``feed/rss/`` and ``feed/atom/``: every post;
    - ``network/<network-slug>/feed/rss/`` (``atom``): one network's posts;
    - ``tag/<tag-slug>/feed/rss/`` (``atom``): the posts with a tag.

    `posts_url` and `feed_url` build these for templates and other apps.
    """

    base_form_class = PageAdminForm  # own collections' images and documents only

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("blog index")

    @classmethod
    def for_locale(cls, locale_id=None):
        """Returns the live blog index in the locale `locale_id` (the active
        language's when None), else the default language's (one query)."""
        language = get_language() or settings.LANGUAGE_CODE

        def preference(index):
            if index.locale_id == locale_id or (
                locale_id is None and index.locale.language_code == language
            ):
                return 0
            return 1 if index.locale.language_code == settings.LANGUAGE_CODE else 2

        return min(cls.objects.live().select_related("locale"), key=preference, default=None)

    def get_posts(self):
        """Returns the posts from every network and from the site itself, one
        version of each: in this index's language where it has been
        translated, else in the site's default language (see
        languages.listings)."""
        return in_reader_language(BlogPostPage.objects.all(), self.locale_id)

    @cached_property
    def networks(self):
        """Returns the live, public networks, in this index's language where
        translated, by title (fetched once per request: the filter list and
        the route share them)."""
        return list(
            in_reader_language(NetworkPage.objects.live().public(), self.locale_id).order_by(
                "title"
            )
        )

    def get_network(self, network_slug):
        """Returns the live network with `network_slug` in this index's language, or 404s."""
        for network in self.networks:
            if network.slug == network_slug:
                return network
        raise Http404("No such network")

    def get_tag(self, tag_slug):
        """Returns the tag with `tag_slug`, or 404s."""
        return get_object_or_404(BlogTag, slug=tag_slug)

    def filter_posts(self, network=None, tag=None):
        """Returns this index's published posts, narrowed to a network and/or a tag."""
        posts = self.get_posts().published()
        if network is not None:
            posts = below_any_translation_of(posts, network)
        if tag is not None:
            posts = posts.filter(tags=tag)
        return posts

    @cached_property
    def base_url(self):
        """Returns this index's own path (computed once per instance)."""
        return self.url

    def posts_url(self, network=None, tag=None):
        """Returns the path of the post list for `network` or `tag` (or all posts)."""
        if network is not None:
            return self.base_url + self.reverse_subpage("network", args=[network.slug])
        if tag is not None:
            return self.base_url + self.reverse_subpage("tag", args=[tag.slug])
        return self.base_url

    def feed_url(self, kind="rss", network=None, tag=None):
        """Returns the path of the RSS (`kind="rss"`) or Atom (`"atom"`) feed
        of every post, of `network`'s posts or of `tag`'s posts."""
        if network is not None:
            subpath = self.reverse_subpage("network_feed", args=[network.slug, kind])
        elif tag is not None:
            subpath = self.reverse_subpage("tag_feed", args=[tag.slug, kind])
        else:
            subpath = self.reverse_subpage("feed", args=[kind])
        return self.base_url + subpath

    def get_context(self, request, *args, network=None, tag=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = self.filter_posts(network=network, tag=tag)
        # Fetched only if the listing is rendered, not served from its fragment.
        page_obj = SimpleLazyObject(
            lambda: Paginator(posts.for_listing(), POSTS_PER_PAGE).get_page(request.GET.get("page"))
        )
        context.update(
            {
                "blog_index": self,
                "network": network,
                "tag": tag,
                "page_obj": page_obj,
                "posts": SimpleLazyObject(lambda: attach_networks(list(page_obj.object_list))),
                "tags": SimpleLazyObject(lambda: list(tags_of(posts))),
                "networks": SimpleLazyObject(lambda: self.networks),
                "rss_url": self.feed_url("rss", network=network, tag=tag),
                "atom_url": self.feed_url("atom", network=network, tag=tag),
            }
        )
        if network is not None or tag is not None:
            context["canonical_url"] = self.get_full_url(request) + self.posts_url(
                network=network, tag=tag
            ).removeprefix(self.base_url)
            context["og_title"] = (
                _("Posts from %(network)s") % {"network": network.title}
                if network is not None
                else _("Posts tagged “%(tag)s”") % {"tag": tag.name}
            )
        return context

    def get_cached_paths(self):
        """The paths a CDN purges with this page (Wagtail's frontend cache):
        the listing and its feeds. The page cache drops every route of the page with it."""
        return ["/", "/feed/rss/", "/feed/atom/"]

    def get_variant_paths(self, post):
        """Returns the sub-paths of this index, besides `get_cached_paths`,
        that may show `post`, for a CDN to purge when it changes: every
        numbered page of all posts, and the listing, numbered pages and feeds
        of the post's network (by the slug of each of its translations) and
        of each of its tags. Numbered pages run from 1 (page 2's "Previous"
        links to `?page=1`) to one past the current count, in case the change
        took a page away, and at most to PURGED_PAGES_PER_LISTING. A count
        query per listing."""
        network = network_for_page(post)
        # (routes, posts): a listing may have one route per language's slug.
        listings = [([""], self.filter_posts())]
        if network is not None:
            slugs = NetworkPage.objects.filter(translation_key=network.translation_key)
            routes = [
                self.reverse_subpage("network", args=[slug])
                for slug in sorted(set(slugs.values_list("slug", flat=True)))
            ]
            listings.append((routes, self.filter_posts(network=network)))
        for tag in post.tags.all():
            tag_route = self.reverse_subpage("tag", args=[tag.slug])
            listings.append(([tag_route], self.filter_posts(tag=tag)))
        paths = []
        for routes, posts in listings:
            last = min(-(-posts.count() // POSTS_PER_PAGE) + 1, PURGED_PAGES_PER_LISTING)
            for route in routes:
                if route:
                    paths += [route, route + "feed/rss/", route + "feed/atom/"]
                paths += [f"{route}?page={number}" for number in range(1, last + 1)]
        return paths

    @path("")
    def all_posts(self, request):
        """Every post, newest first."""
        return self.render(request)

    @path("network/<slug:network_slug>/", name="network")
    def network_posts(self, request, network_slug):
        """One network's posts."""
        return self.render(request, network=self.get_network(network_slug))

    @path("tag/<str:tag_slug>/", name="tag")
    def tag_posts(self, request, tag_slug):
        """The posts with one tag (in every network)."""
        return self.render(request, tag=self.get_tag(tag_slug))

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        """The feed of every post."""
        return self.serve_feed(request, kind)

    @re_path(r"^network/(?P<network_slug>[-\w]+)/feed/(?P<kind>rss|atom)/$", name="network_feed")
    def network_feed(self, request, network_slug, kind):
        """The feed of one network's posts."""
        return self.serve_feed(request, kind, network=self.get_network(network_slug))

    @re_path(r"^tag/(?P<tag_slug>[^/]+)/feed/(?P<kind>rss|atom)/$", name="tag_feed")
    def tag_feed(self, request, tag_slug, kind):
        """The feed of the posts with one tag."""
        return self.serve_feed(request, kind, tag=self.get_tag(tag_slug))

    def serve_feed(self, request, kind, network=None, tag=None):
        """Returns the RSS or Atom feed response for these posts."""
        feed_class = BlogAtomFeed if kind == "atom" else BlogRssFeed
        return feed_class()(request, index=self, network=network, tag=tag)


class BlogPostPage(CachedViewRestrictionsMixin, CommentableMixin, Page):
    """A post by a network (a child of its NetworkPage) or by the site itself
    (a child of the BlogIndexPage). Comments are added by the comments app."""

    base_form_class = PageAdminForm  # own collections' images and documents only

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences: shown in lists, feeds and search results."),
    )
    body = StreamField(BlogStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=BlogPostTag, blank=True, verbose_name=_("tags"))
    original_url = models.URLField(
        _("originally published at"),
        blank=True,
        help_text=_("If this post first appeared on a member's own blog, its address there."),
    )
    original_source = models.CharField(
        _("original source"),
        max_length=160,
        blank=True,
        help_text=_("The name of that blog or website, for example “Amira's allotment diary”."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        InlinePanel("post_authors", label=_("Authors"), heading=_("Authors")),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("original_url"), FieldPanel("original_source")],
            heading=_("First published elsewhere"),
        ),
    ]
    settings_panels = Page.settings_panels + CommentableMixin.comment_panels

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["networks.NetworkPage", "blog.BlogIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(BlogPostQuerySet)()

    class Meta:
        verbose_name = _("blog post")

    @cached_property
    def network(self):
        """Returns the NetworkPage this post belongs to, or None for a site-wide post."""
        return cached_network_for_page(self)

    @cached_property
    def authors(self):
        """Returns the post's authors (People), in order."""
        links = self.post_authors.all()
        if "post_authors" not in getattr(self, "_prefetched_objects_cache", {}):
            links = links.select_related("person", "person__photo", "person__network")
        return [link.person for link in links]

    @property
    def published_at(self):
        """Returns the post's date as an aware datetime: the moment it was first
        published if that was on its date, otherwise the start of that day."""
        first = self.first_published_at
        if first and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    @cached_property
    def tag_list(self):
        """Returns the post's tags (one query, however often asked)."""
        return list(self.tags.all())

    def get_comment_policy_source(self):
        """Returns the post's network (see CommentableMixin), looked up once."""
        return self.network

    def get_blog_index(self):
        """Returns the blog index that lists this post (looked up once)."""
        if "_blog_index" not in self.__dict__:
            self.__dict__["_blog_index"] = BlogIndexPage.for_locale(self.locale_id)
        return self.__dict__["_blog_index"]

    def get_schema(self, request=None):
        """Returns the schema.org BlogPosting that describes this post, as a
        dict ready for JSON-LD (see `blog_tags.json_ld`)."""
        url = self.get_full_url(request)
        network = self.network
        schema = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title,
            "description": self.search_description or self.intro,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": self.locale.language_code,
            "datePublished": self.published_at.isoformat(),
            "author": [
                {
                    "@type": "Person",
                    "name": person.name,
                    **({"jobTitle": person.role} if person.role else {}),
                }
                for person in self.authors
            ],
            "publisher": {
                "@type": "Organization",
                "name": network.title if network else settings.WAGTAIL_SITE_NAME,
            },
            "keywords": [tag.name for tag in self.tag_list],
        }
        if self.last_published_at:
            schema["dateModified"] = self.last_published_at.isoformat()
        if self.original_url:
            schema["isBasedOn"] = self.original_url
        return schema

    def get_context(self, request, *args, **kwargs):
        """The post's context. The blog index, authors, tags and schema are
        callables, worked out only where the template renders them: its
        meta tags and article are fragments (scope "frame,content",
        `home.fragments`), so a warm request fetches none of them."""
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "og_type": "article",
                "blog_index": self.get_blog_index,
                "authors": lambda: self.authors,
                "tags": lambda: self.tag_list,
                "schema": lambda: self.get_schema(request),
            }
        )
        if self.original_url:
            # A syndicated post points search engines at the original.
            context["canonical_url"] = self.original_url
        return context


def latest_posts_for(locale_id=None, network=None, count=3):
    """Returns the newest `count` published posts (all, or `network`'s), each
    in `locale_id`'s language where translated, else in the default
    language, with their networks attached."""
    posts = in_reader_language(BlogPostPage.objects.for_listing(), locale_id)
    if network is not None:
        posts = below_any_translation_of(posts, network)
    return attach_networks(list(posts[:count]))
