// Starts Interleave: loads the wasm module, whose main() mounts the app into #app.
// Kept out of index.html so the Content-Security-Policy can forbid inline scripts.
import init from '../pkg/interleave.js';

// The error banner's Reload button works even when the wasm instance has died (a panic aborts
// it), because this listener is plain JavaScript.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-reload]')) {
    location.reload();
  }
});

function showLoadError(error) {
  const banner = document.createElement('div');
  banner.id = 'fatal';
  banner.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'Interleave could not start in this browser.';
  const detail = document.createElement('p');
  detail.textContent = `Details: ${error}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.reload = '';
  button.textContent = 'Reload the page';
  banner.append(title, detail, button);
  document.body.prepend(banner);
}

init().catch(showLoadError);
