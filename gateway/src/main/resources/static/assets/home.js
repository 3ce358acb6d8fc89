'use strict';
(function () {
  fetch('/api/me', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((person) => {
      if (person) {
        document.getElementById('greeting').textContent = 'Signed in as ' + (person.name || person.username) + ', ' + person.role;
      }
    });
  document.getElementById('sign-out').addEventListener('submit', () => {
    const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
    document.getElementById('csrf').value = cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  });
}());
