"""Decision queues in the admin: the one shape shared by the comments queue
and the networks' join requests and proposals (and whatever queue comes
next). A queue is a Wagtail `ModelViewSet` with `QueueViewSetMixin`, and its
bulk decisions subclass `QueueBulkAction`, so that "select all" decides
exactly what the listing showed (its filters and search), and each object
still goes through its own audited model method."""

from django.http import Http404

from wagtail.admin.views.bulk_action import BulkAction


class QueueViewSetMixin:
    """For a queue's `ModelViewSet`: its index view, set up for a request
    without rendering it, so that bulk actions reuse its filters and search."""

    def index_view_for(self, request):
        """Returns the queue's index view set up for `request`."""
        kwargs = {**self.get_common_view_kwargs(), **self.get_index_view_kwargs()}
        view = self.index_view_class(
            **{
                key: value
                for key, value in kwargs.items()
                if hasattr(self.index_view_class, key) and value is not self.UNDEFINED
            }
        )
        view.setup(request)
        return view


class QueueBulkAction(BulkAction):
    """Base for a queue's bulk decisions. Subclasses say which viewset the
    queue is (`get_viewset`), which objects the user may see
    (`get_queue_queryset`) and which of those they may decide
    (`can_decide`); objects they may see but not decide are listed on the
    confirmation page and left alone."""

    header_icon = "list-ul"
    #: The model method each chosen object goes through (`accept`, `approve`…).
    decision = None
    #: The fields re-read before deciding (another person may have decided
    #: meanwhile), and the errors that mean the decision no longer applies.
    state_fields = ("status",)
    skipped_errors = ()

    @classmethod
    def get_viewset(cls):
        """Returns the queue's viewset (with `QueueViewSetMixin`)."""
        raise NotImplementedError

    def get_queue_queryset(self, view):
        """Returns what the listing starts from for this user."""
        return view.get_base_queryset()

    def can_decide(self, obj):
        """Returns True if the user may take this decision on `obj` now."""
        raise NotImplementedError

    def get_actionable_objects(self):
        if hasattr(self, "_actionable"):
            return self._actionable
        view = self.get_viewset().index_view_for(self.request)
        queryset = self.get_queue_queryset(view)
        object_ids = self.request.GET.getlist("id")
        if "all" in object_ids:
            # The footer's "select all" passes the listing's query string on.
            queryset = view.search_queryset(view.filter_queryset(queryset))
        else:
            queryset = queryset.filter(pk__in=[pk for pk in object_ids if pk.isdigit()])
        objects, refused = [], []
        for obj in queryset.order_by("created_at", "pk"):
            (objects if self.can_decide(obj) else refused).append(obj)
        if not objects and not refused:
            raise Http404
        self._actionable = (objects, {"items_with_no_access": refused})
        return self._actionable

    def get_execution_context(self):
        return {"user": self.request.user, "decision": self.decision}

    @classmethod
    def execute_action(cls, objects, user=None, decision=None, **kwargs):
        done = 0
        for obj in objects:
            obj.refresh_from_db(fields=list(cls.state_fields))
            try:
                getattr(obj, decision)(by=user)
            except cls.skipped_errors:
                continue
            done += 1
        return done, 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["header_icon"] = self.header_icon
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}
