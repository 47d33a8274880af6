/*! wlz-bijdrage widget loader: the Wlz contribution calculator on your own page.
 *
 *   <script src="https://HOST/PATH/embed.js" data-lang="nl" async></script>
 *
 * puts the calculator (an iframe) where the script tag is; or mark places
 * with <div data-wlz-bijdrage></div> (each may have its own data-*). The
 * iframe takes the height of its content: the calculator posts its height
 * to this page's origin only, and this script accepts it only from the
 * calculator's origin and from that very iframe. The messages hold the
 * height and nothing else. No dependencies, no cookies, no other requests. */
(function () {
  'use strict';
  var TYPE = 'wlz-bijdrage:resize';
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 40000;
  var INITIAL_HEIGHT = 1200;
  // Theme tokens (NL Design System style), checked again inside the frame.
  var THEME = ['color-primary', 'color-primary-contrast', 'color-text', 'color-text-muted',
    'color-background', 'color-surface', 'color-border', 'color-error', 'color-focus',
    'font-family', 'font-size', 'line-height', 'border-radius', 'space', 'max-width'];
  var doc = document;
  var script = doc.currentScript || doc.querySelector('script[src*="embed.js"]');
  if (!script || !script.src || typeof URL !== 'function') return;

  // One registry per page, so that loading this file twice changes nothing.
  var reg = window.wlzBijdrage;
  if (!reg || !reg.frames) {
    reg = window.wlzBijdrage = { frames: [], placed: false };
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (!data || typeof data !== 'object' || data.type !== TYPE) return;
      var keys = Object.keys(data);
      var height = data.height;
      if (keys.length !== 2 || typeof height !== 'number' || !isFinite(height)
        || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      for (var i = 0; i < reg.frames.length; i++) {
        var w = reg.frames[i];
        if (event.source && event.source === w.frame.contentWindow && event.origin === w.origin) {
          w.frame.style.height = Math.ceil(height) + 'px';
          return;
        }
      }
    });
  }

  var page = new URL('index.html', script.src);
  var own = script.dataset;

  function setting(el, key) {
    var v = el.dataset[key];
    return v === undefined ? own[key] : v;
  }

  function frameFor(el) {
    var url = new URL(page.href);
    var q = url.searchParams;
    q.set('embed', '1');
    // The origin the calculator may post its height to (none on file://).
    if (/^https?:$/.test(location.protocol)) q.set('embed-origin', location.origin);
    var lang = setting(el, 'lang') === 'en' ? 'en' : 'nl';
    if (setting(el, 'lang')) q.set('lang', lang);
    var year = setting(el, 'year');
    if (year && /^\d{4}$/.test(year)) q.set('year', year);
    for (var i = 0; i < THEME.length; i++) {
      var key = THEME[i].replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); });
      var value = setting(el, key);
      if (value && value.length <= 200) q.set('theme-' + THEME[i], value);
    }
    var frame = doc.createElement('iframe');
    frame.title = lang === 'en'
      ? 'Calculator: your own contribution for Wlz care'
      : 'Rekenhulp: uw eigen bijdrage voor Wlz-zorg';
    frame.setAttribute('referrerpolicy', 'no-referrer');
    if (url.origin !== location.origin) {
      // No top navigation, no plugins; links open in a new tab (popups).
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups '
        + 'allow-popups-to-escape-sandbox allow-modals');
    }
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = INITIAL_HEIGHT + 'px';
    frame.src = url.href;
    reg.frames.push({ frame: frame, origin: url.origin });
    return frame;
  }

  /** Fills every <div data-wlz-bijdrage> not filled yet; returns how many there are. */
  function mount() {
    var targets = doc.querySelectorAll('[data-wlz-bijdrage]');
    for (var i = 0; i < targets.length; i++) {
      var el = targets[i];
      if (el.hasAttribute('data-wlz-bijdrage-mounted')) continue;
      el.setAttribute('data-wlz-bijdrage-mounted', '');
      el.appendChild(frameFor(el));
    }
    return targets.length;
  }
  reg.mount = mount;

  function start() {
    // No targets: one calculator where this script tag is (once per page).
    if (mount() === 0 && !reg.placed && doc.body && doc.body.contains(script)) {
      reg.placed = true;
      script.parentNode.insertBefore(frameFor(script), script.nextSibling);
    }
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
}());
