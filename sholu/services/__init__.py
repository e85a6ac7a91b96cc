"""What several front ends (CLI, REST API, dashboard) share, so that none of them
imports another: finding a person from any case form, facets into store filters,
pages of the store's lists, and short texts for display."""
