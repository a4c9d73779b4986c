from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultations: questions built by editors, answers while open, results
    and the "We asked, you said, we did" outcome."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = "Consultations"
