"""The admin form for the blog's People."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from home.admin_forms import ChoosableMediaMixin
from networks.permissions import networks_edited_in_any_language_by


class PersonForm(ChoosableMediaMixin, WagtailAdminModelForm):
    """The People snippet's form. A site admin may pick any network or none
    (a site-wide author); anyone else must pick one of the networks they edit,
    in any language, so a network editor can only ever store people of their
    own networks (blog.permissions lets them change only those). Their photo
    comes from a collection they may use (ChoosableMediaMixin)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        network = self.fields.get("network")
        if network is None or (user is not None and user.is_superuser):
            return
        network.queryset = networks_edited_in_any_language_by(user).order_by(
            "title", "locale__language_code"
        )
        network.required = True
        network.help_text = _("The network this person writes for: one of the networks you edit.")
        network.error_messages["required"] = _(
            "Choose the network this person writes for. Only site admins can add "
            "people without a network."
        )
        network.error_messages["invalid_choice"] = _(
            "Choose one of the networks you edit. People of other networks are "
            "added by those networks' editors."
        )
