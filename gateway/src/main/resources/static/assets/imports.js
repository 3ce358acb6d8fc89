'use strict';
(async function () {
  await App.start('/imports.html', ['admin']);
  const form = App.form({ id: 'import' }, [
    App.field('File to import', App.input({ id: 'file', name: 'file', type: 'file', accept: '.csv,.json,text/csv,application/json', required: true }),
      'A .csv or .json file, up to 20 MB.'),
    App.make('p', {}, App.button('Import'))
  ], send);
  document.getElementById('intro').after(form);
  const problem = document.getElementById('problem');
  const area = document.getElementById('progress-area');
  const progress = document.getElementById('progress');
  const label = document.getElementById('progress-label');
  const outcome = document.getElementById('outcome');

  // XMLHttpRequest rather than fetch: only it reports how much of the upload has gone
  function upload(file) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', '/api/places/imports');
      request.setRequestHeader('Content-Type', file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv');
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-XSRF-TOKEN', App.csrfToken());
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          progress.value = Math.round(100 * event.loaded / event.total);
        }
      });
      request.upload.addEventListener('load', () => {
        progress.removeAttribute('value');
        label.textContent = 'Checking and storing the places…';
      });
      request.addEventListener('load', () => {
        let answer = null;
        try {
          answer = request.responseText ? JSON.parse(request.responseText) : null;
        } catch (error) {
          answer = null;
        }
        if (request.status >= 200 && request.status < 300) {
          resolve(answer);
        } else {
          reject(answer || { detail: 'The import was not accepted (' + request.status + ').' });
        }
      });
      request.addEventListener('error', () => reject(App.UNREACHABLE));
      request.send(file);
    });
  }

  function counts(report) {
    return report.created + ' new, ' + report.updated + ' updated, ' + report.unchanged + ' unchanged, '
      + report.rejected.length + ' turned down';
  }

  /** The rows turned down, and the rows taken in with warnings, each by where it is in the file and its own id. */
  function reportTables(report) {
    const where = (row) => (row.line ? 'Line ' + row.line : 'Item ' + row.item);
    return [report.rejected.length ? App.table('Rows turned down', ['Where', 'Id', 'Why'],
      report.rejected.map((row) => [where(row), row.id, row.reason])) : null,
    report.warnings && report.warnings.length ? App.table('Rows taken in with warnings', ['Where', 'Id', 'What to know'],
      report.warnings.map((row) => [where(row), row.id, row.warning])) : null].filter(Boolean);
  }

  async function send() {
    const file = form.file.files[0];
    if (!file) {
      return;
    }
    problem.hidden = true;
    outcome.textContent = '';
    document.getElementById('rejected').replaceChildren();
    label.textContent = 'Sending the file';
    progress.value = 0;
    area.hidden = false;
    form.querySelector('button').disabled = true;
    try {
      const report = await upload(file);
      outcome.textContent = 'Imported: ' + counts(report) + '.';
      document.getElementById('rejected').replaceChildren(...reportTables(report));
    } catch (failure) {
      App.showProblem(problem, failure);
    } finally {
      area.hidden = true;
      form.querySelector('button').disabled = false;
    }
  }

  // Council feeds: fetched now and, if chosen, on a schedule; each run kept with its report

  const EVERY = [{ code: '', name: 'Only now' }, { code: 'daily', name: 'Every day' }, { code: 'weekly', name: 'Every week' }];
  const feedProblem = document.getElementById('feed-problem');
  const feedStatus = App.status({ className: 'status' });
  const feedForm = App.form({ id: 'feed' }, [
    App.field('Feed address', App.input({ id: 'url', name: 'url', type: 'url', maxLength: 2000, required: true }),
      'Such as https://directory.council.example/api/v3'),
    App.field('Fetch it again', App.select({ id: 'every', name: 'every' }, EVERY)),
    App.make('div', { className: 'row-actions' }, App.button('Fetch the feed'), feedStatus)
  ], fetchFeed);
  document.getElementById('feeds-intro').after(feedForm);

  function lastRunInWords(run) {
    if (!run) {
      return 'never';
    }
    return App.when(run.startedAt) + ': ' + (run.problem ? 'not read, ' + run.problem : counts(run.report));
  }

  async function fetchFeed() {
    App.clearProblem(feedProblem);
    feedStatus.textContent = 'Fetching the feed and importing its services…';
    feedForm.querySelector('button[type=submit]').disabled = true;
    try {
      const feed = await App.api('POST', '/api/places/imports/feeds', { url: feedForm.url.value.trim(), every: feedForm.every.value || null });
      feedStatus.textContent = 'Fetched: ' + counts(feed.lastRun.report) + '.';
      await listFeeds();
      showRuns(feed, [feed.lastRun]);
    } catch (failure) {
      feedStatus.textContent = 'Not fetched: see the problem above.';
      App.showProblem(feedProblem, failure, { url: 'url', every: 'every' });
    } finally {
      feedForm.querySelector('button[type=submit]').disabled = false;
    }
  }

  async function listFeeds() {
    const feeds = await App.api('GET', '/api/places/imports/feeds');
    // Cards rather than a table, so that a phone shows each feed whole
    document.getElementById('feeds').replaceChildren(feeds.length === 0 ? App.element('p', 'No feeds saved yet.', 'muted')
      : App.make('ul', { className: 'cards' }, ...feeds.map((feed) => {
        const runs = App.button('See runs', { type: 'button', className: 'secondary' });
        runs.setAttribute('aria-label', 'See the runs of ' + feed.url);
        runs.addEventListener('click', async () => {
          try {
            showRuns(feed, await App.api('GET', '/api/places/imports/feeds/' + encodeURIComponent(feed.id) + '/runs'));
          } catch (failure) {
            App.showProblem(feedProblem, failure);
          }
        });
        const remove = App.button('Delete', { type: 'button', className: 'secondary' });
        remove.setAttribute('aria-label', 'Delete the feed ' + feed.url);
        remove.addEventListener('click', async () => {
          if (!window.confirm('Stop fetching ' + feed.url + '? The places it brought in stay.')) {
            return;
          }
          try {
            await App.api('DELETE', '/api/places/imports/feeds/' + encodeURIComponent(feed.id));
            document.getElementById('runs').replaceChildren();
            await listFeeds();
          } catch (failure) {
            App.showProblem(feedProblem, failure);
          }
        });
        const every = EVERY.find((choice) => choice.code === (feed.every || ''));
        return App.make('li', { className: 'card' }, App.element('h3', feed.url),
          App.element('p', (every ? every.name : 'Every ' + feed.every) + (feed.nextRunAt ? ', next ' + App.when(feed.nextRunAt) : ''), 'muted'),
          App.element('p', 'Last fetched ' + lastRunInWords(feed.lastRun)),
          App.make('div', { className: 'row-actions' }, runs, remove));
      })));
  }

  function showRuns(feed, runs) {
    const heading = App.element('h2', 'Runs of ' + feed.url);
    heading.tabIndex = -1;
    const list = runs.map((run) => App.make('div', { className: 'card' },
      App.element('p', App.when(run.startedAt) + (run.trigger === 'schedule' ? ', on its schedule' : ', when saved') + ': '
        + (run.problem ? 'not read: ' + run.problem + '. Nothing was imported.' : counts(run.report) + '.'), 'status'),
      ...(run.report ? reportTables(run.report) : [])));
    document.getElementById('runs').replaceChildren(heading, ...list);
    heading.focus();
  }

  try {
    await listFeeds();
  } catch (failure) {
    App.showProblem(feedProblem, failure);
  }
}());
