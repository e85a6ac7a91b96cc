"""Every read of the store, one module per subject; each metric is defined once here
and the CLI, the API, the dashboard, the report, the analytics and the export all
call it. Functions take the store (for its connection and dialect hooks) and return
plain dicts and lists. Writes stay in `store/base.py`.

    common     running a query, placeholders, `Scope` (which articles a count is over)
    documents  documents, their lists, totals and the corpus summary, coverage per date
    search     full-text search and its facets
    people     entities: rankings, profiles, articles per person or organisation
    outlets    articles per outlet, reprints, first/last appearance, themes per outlet
    regions    articles per region of Kazakhstan
    themes     articles per theme
    quotes     who said what
    events     events, their reports and participants
    problems   what runs could not store, and why
"""
