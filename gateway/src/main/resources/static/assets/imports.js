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
      outcome.textContent = 'Imported: ' + report.created + ' new, ' + report.updated + ' updated, ' + report.unchanged
        + ' unchanged, ' + report.rejected.length + ' turned down.';
      if (report.rejected.length) {
        document.getElementById('rejected').appendChild(App.table('Rows turned down', ['Where', 'Id', 'Why'],
          report.rejected.map((row) => [row.line ? 'Line ' + row.line : 'Item ' + row.item, row.id, row.reason])));
      }
    } catch (failure) {
      App.showProblem(problem, failure);
    } finally {
      area.hidden = true;
      form.querySelector('button').disabled = false;
    }
  }
}());
