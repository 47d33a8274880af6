/*! wlz-bijdrage widget loader: the Wlz contribution calculator on your own page.
 *
 *   <script src="https://HOST/PATH/embed.js" data-lang="nl" async></script>
 *
 * puts the calculator (an iframe) where the script tag is; or mark places
 * with <div data-wlz-bijdrage></div> (each may have its own data-*). The
 * iframe takes the height of its content: the calculator posts its height
 * to this page's origin only, and this script accepts it only from the
 * calculator's origin and from that very iframe. The messages hold the
 * height and nothing else. No dependencies, no cookies, no other requests.
 *
 * Single-page apps: call wlzBijdrage.mount() after adding divs. It also puts a
 * fresh calculator in a div whose iframe was removed, and leaves a div that
 * still has its calculator alone. Removed iframes are dropped from the
 * registry (wlzBijdrage.frames) on every mount() and every message. */
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
  if (!script || !script.src || typeof URL !== 'function' || typeof WeakMap !== 'function') return;

  // One registry per page, so that loading this file twice changes nothing.
  // `frames`: {frame, origin} of each iframe made here that is still in the
  // page; `made`: every iframe made here (weakly held) with its origin and its
  // place (the div or the script tag), so that one taken out and put back is known.
  var reg = window.wlzBijdrage;
  if (!reg || !reg.frames) {
    reg = window.wlzBijdrage = { frames: [], placed: false, made: new WeakMap() };
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (!data || typeof data !== 'object' || data.type !== TYPE) return;
      var keys = Object.keys(data);
      var height = data.height;
      if (keys.length !== 2 || typeof height !== 'number' || !isFinite(height)
        || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      prune();
      var w = sender(event.source);
      if (w && event.origin === w.origin) w.frame.style.height = Math.ceil(height) + 'px';
    });
  }
  if (!reg.made) reg.made = new WeakMap();

  function connected(node) {
    return 'isConnected' in node ? node.isConnected : doc.documentElement.contains(node);
  }

  /** Drops the iframes no longer in the page from the registry (in place: it is shared). */
  function prune() {
    for (var i = reg.frames.length - 1; i >= 0; i--) {
      if (!connected(reg.frames[i].frame)) reg.frames.splice(i, 1);
    }
  }

  /** Registers an iframe made here (again, after it was pruned); returns its entry. */
  function enlist(frame) {
    for (var i = 0; i < reg.frames.length; i++) {
      if (reg.frames[i].frame === frame) return reg.frames[i];
    }
    var w = { frame: frame, origin: reg.made.get(frame).origin };
    reg.frames.push(w);
    return w;
  }

  /** The registered iframe whose window is `source`, or one made here and put back in the page. */
  function sender(source) {
    if (!source) return null;
    for (var i = 0; i < reg.frames.length; i++) {
      if (reg.frames[i].frame.contentWindow === source) return reg.frames[i];
    }
    var all = doc.getElementsByTagName('iframe');
    for (var j = 0; j < all.length; j++) {
      if (all[j].contentWindow === source && reg.made.has(all[j])) return enlist(all[j]);
    }
    return null;
  }

  /** The iframe made here for `el` that is still inside it, registered; or null. */
  function ownFrame(el) {
    var frames = el.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var made = reg.made.get(frames[i]);
      if (made && made.place === el) {
        enlist(frames[i]);
        return frames[i];
      }
    }
    return null;
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
    reg.made.set(frame, { origin: url.origin, place: el });
    reg.frames.push({ frame: frame, origin: url.origin });
    return frame;
  }

  /**
   * Fills every <div data-wlz-bijdrage> that has no calculator: not filled
   * yet, or its iframe was removed. Returns how many divs there are.
   */
  function mount() {
    prune();
    var targets = doc.querySelectorAll('[data-wlz-bijdrage]');
    for (var i = 0; i < targets.length; i++) {
      var el = targets[i];
      if (el.hasAttribute('data-wlz-bijdrage-mounted') && ownFrame(el)) continue;
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
