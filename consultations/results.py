"""A closed consultation's results: for each choice question, how many
responses answered it and each option's count and percentage. A
multiple-choice answer counts once for each option ticked (never each
combination), and once per response however it was sent."""

from dataclasses import dataclass, field

CHOICE_TYPES = {"radio", "checkboxes", "dropdown"}


@dataclass
class OptionResult:
    """One option of a question: its words, count and share of the answers."""

    label: str
    count: int = 0
    percent: int = 0


@dataclass
class QuestionResult:
    """One choice question's results, in the page's language."""

    label: str
    multiple: bool
    answered: int = 0
    options: list = field(default_factory=list)


def count_results(page):
    """Returns a QuestionResult per choice question of `page` (labels and
    options in `page`'s language, counts from every language), in order.
    Two queries: the questions and the answers."""
    source = page.schedule_page
    source_fields = [f for f in source.form_fields.all() if f.field_type in CHOICE_TYPES]
    if not source_fields:
        return []
    shown = {f.clean_name: f for f in page.form_fields.all()} if page.pk != source.pk else {}
    results = []
    for source_field in source_fields:
        shown_field = shown.get(source_field.clean_name, source_field)
        labels = shown_field.choice_list()
        options = source_field.choice_list()
        results.append(
            (
                source_field.clean_name,
                options,
                QuestionResult(
                    label=shown_field.label,
                    multiple=source_field.field_type == "checkboxes",
                    options=[
                        OptionResult(label=labels[i] if i < len(labels) else option)
                        for i, option in enumerate(options)
                    ],
                ),
            )
        )
    answers = page.get_submissions().values_list("form_data", flat=True)
    for data in answers.iterator(chunk_size=2000):
        for name, options, result in results:
            value = data.get(name)
            chosen = set(value) if isinstance(value, list) else {value} if value else set()
            chosen &= set(options)
            if not chosen:
                continue
            result.answered += 1
            for index, option in enumerate(options):
                if option in chosen:
                    result.options[index].count += 1
    for _name, _options, result in results:
        for option in result.options:
            option.percent = round(100 * option.count / result.answered) if result.answered else 0
    return [result for _name, _options, result in results]
