// The endpoint's query page: YASGUI (served from the package, nothing fetched elsewhere) set
// up for this endpoint. The editor completes unkg's prefixes (not prefix.cc's list) and
// variables, never asks an outside vocabulary service; the named queries are examples; IRIs
// of this graph in the results link to their node pages; CONSTRUCT and DESCRIBE results are
// shown as the Turtle the endpoint sends; the share button gives a permalink of the query.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('unkg-config').textContent);
  const endpoint = new URL(config.root + 'sparql', window.location.href).href;
  const prefixes = config.prefixes;
  const completions = Object.keys(prefixes).sort().map((p) => `${p}: <${prefixes[p]}>`);
  Yasgui.Yasqe.forkAutocompleter('prefixes', {
    name: 'unkgPrefixes',
    persistenceId: null,
    get: () => Promise.resolve(completions),
  }, false);
  const yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: {endpoint, method: 'POST'},
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: {getData: () => [{endpoint}], keys: []},
    populateFromUrl: true,
    persistenceId: 'unkg-query-' + window.location.host,
    yasqe: {value: config.start, autocompleters: ['unkgPrefixes', 'variables'], resizeable: true},
    yasr: {prefixes, pluginOrder: ['table', 'response'], defaultPlugin: 'table'},
  });
  // an older tab may remember another endpoint: this page queries its own
  for (const id of Object.keys(yasgui._tabs)) yasgui._tabs[id].setEndpoint(endpoint);

  const local = config.base + 'id/';
  function linkNodes(root) {
    for (const a of root.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href');
      if (href.startsWith(local)) {
        a.setAttribute('href', config.root + 'id/' + href.slice(local.length));
        a.removeAttribute('target');
        a.title = 'the facts of ' + href;
      }
    }
  }
  function watch(tab) {
    const yasr = tab.getYasr();
    if (!yasr || yasr.unkgWatched) return;
    yasr.unkgWatched = true;
    yasr.on('drawn', () => linkNodes(yasr.resultsEl));
  }
  function current() { return yasgui.getTab(); }
  yasgui.on('tabSelect', () => setTimeout(() => watch(current()), 0));
  yasgui.on('tabAdd', () => setTimeout(() => watch(current()), 0));
  yasgui.on('queryResponse', (_, tab) => {
    watch(tab);
    const kind = tab.getYasqe().getQueryType();
    if (kind === 'CONSTRUCT' || kind === 'DESCRIBE') tab.getYasr().selectPlugin('response');
  });
  watch(current());

  const named = document.getElementById('named');
  named.addEventListener('change', () => {
    const name = named.value;
    if (!name) return;
    const tab = yasgui.addTab(true, {...Yasgui.Tab.getDefaults(), name});
    tab.setQuery(config.queries[name]);
    tab.setEndpoint(endpoint);
    watch(tab);
    named.value = '';
  });
  window.unkgQueryPage = {yasgui, endpoint};
  document.body.dataset.ready = '1';
})();
