"""Files the endpoint serves to browsers: YASGUI (see LICENSES.md and tools/vendor_yasgui.py)
and the query and node pages."""
