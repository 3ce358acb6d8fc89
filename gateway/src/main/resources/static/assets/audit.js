'use strict';
(async function () {
  await App.start('/audit.html', ['admin']);
  const PAGE = 50;
  const form = document.getElementById('filter');
  const problem = document.getElementById('problem');
  const more = document.getElementById('more');
  let page = 0;
  let entries = [];

  async function load() {
    problem.hidden = true;
    const query = new URLSearchParams({ page: String(page), size: String(PAGE) });
    ['objectId', 'actorId'].forEach((name) => {
      if (form[name].value.trim()) {
        query.set(name, form[name].value.trim());
      }
    });
    try {
      const answer = await App.api('GET', form.trail.value + '?' + query);
      entries = entries.concat(answer.entries);
      more.hidden = answer.entries.length < PAGE;
      document.getElementById('count').textContent = entries.length === 0 ? 'No entries.'
        : entries.length === 1 ? '1 entry' : entries.length + ' entries';
      document.getElementById('entries').replaceChildren(App.table('Audit entries, newest first',
        ['When', 'Who', 'Role', 'Record', 'Why', 'Outcome'], entries.map((entry) => [App.when(entry.at), entry.actorId,
          App.words(entry.actorRole), App.words(entry.objectType) + ' ' + entry.objectId, entry.purpose,
          App.words((entry.outcome || '').toLowerCase())])));
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    entries = [];
    load();
  });
  more.addEventListener('click', () => {
    page += 1;
    load();
  });
  await load();
}());
