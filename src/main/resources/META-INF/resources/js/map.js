// Optional maps (README, Maps). Every page works without them: the forms and tables stay as they are, and
// positions in the page and in what is submitted are WGS-84. Tiles may be GCJ-02 (data-datum="gcj02"): then
// markers are moved into that datum to be drawn, and clicked points moved back before they fill the form.
(function () {
  'use strict';
  if (typeof L === 'undefined') { return; }

  // WGS-84 <-> GCJ-02: the same published algorithm and iterative inverse as directory.Datum (its origin is cited there).
  var A = 6378245.0, EE = 0.00669342162296594323;
  function outsideChina(lat, lon) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }
  function wgsToGcj(lat, lon) {
    if (outsideChina(lat, lon)) { return [lat, lon]; }
    var x = lon - 105.0, y = lat - 35.0, PI = Math.PI;
    var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
      + (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0
      + (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2.0 / 3.0
      + (160.0 * Math.sin(y / 12.0 * PI) + 320.0 * Math.sin(y * PI / 30.0)) * 2.0 / 3.0;
    var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
      + (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0
      + (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2.0 / 3.0
      + (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2.0 / 3.0;
    var radLat = lat / 180.0 * PI, magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat), sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * PI);
    return [lat + dLat, lon + dLon];
  }
  function gcjToWgs(lat, lon) {
    if (outsideChina(lat, lon)) { return [lat, lon]; }
    var w = [lat, lon];
    for (var i = 0; i < 30; i++) {
      var image = wgsToGcj(w[0], w[1]), dLat = lat - image[0], dLon = lon - image[1];
      w = [w[0] + dLat, w[1] + dLon];
      if (Math.abs(dLat) < 1e-9 && Math.abs(dLon) < 1e-9) { break; }
    }
    return w;
  }
  // Metres between two WGS-84 points (haversine, as directory.Footprint).
  function metres(lat1, lon1, lat2, lon2) {
    var r = Math.PI / 180, dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
      + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function escapeHtml(text) {
    var div = document.createElement('div');
    div.textContent = text;
    return div.innerHTML;
  }

  // A Leaflet map in el, with the tiles of its data-* settings (none: footprints on a plain background).
  function baseMap(el) {
    var gcj = el.dataset.datum === 'gcj02';
    var map = L.map(el, { scrollWheelZoom: false, maxZoom: parseInt(el.dataset.maxZoom || '18', 10) });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (el.dataset.tiles) {
      var options = { subdomains: el.dataset.subdomains, maxZoom: map.getMaxZoom(),
        attribution: escapeHtml(el.dataset.attribution || '') };
      L.tileLayer(el.dataset.tiles, options).addTo(map);
      if (el.dataset.labels) { L.tileLayer(el.dataset.labels, { subdomains: el.dataset.subdomains, maxZoom: map.getMaxZoom() }).addTo(map); }
    } else {
      el.classList.add('untiled');
    }
    return {
      map: map,
      // WGS-84 [lat, lon] -> a LatLng on these tiles
      show: function (lat, lon) { var p = gcj ? wgsToGcj(lat, lon) : [lat, lon]; return L.latLng(p[0], p[1]); },
      // a LatLng on these tiles -> WGS-84 [lat, lon]
      read: function (latLng) { return gcj ? gcjToWgs(latLng.lat, latLng.lng) : [latLng.lat, latLng.lng]; }
    };
  }

  function spotIcon() {
    return L.divIcon({ className: 'map-spot', iconSize: [18, 18] });
  }

  // The bounds of a footprint, known before the map has a view (a circle's own getBounds needs one).
  function boundsOf(view, lat, lon, r) {
    return view.show(lat, lon).toBounds(2 * r);
  }

  function area(view, lat, lon, r, style) {
    return L.circle(view.show(lat, lon), L.extend({ radius: r, weight: 2, color: '#2b6cb0', fillOpacity: 0.08 }, style || {}));
  }

  // Intake: click the spot; the latitude/longitude fields get WGS-84, the compound and community are suggested.
  function pick(el) {
    var view = baseMap(el), map = view.map;
    var latField = document.getElementById('latitude'), lonField = document.getElementById('longitude');
    var site = document.getElementById('site'), community = document.getElementById('community');
    var said = document.getElementById('map-suggestion');
    var offered = function (select, code) {
      for (var i = 0; i < select.options.length; i++) { if (select.options[i].value === code) { return true; } }
      return false;
    };
    var places = JSON.parse(el.dataset.places || '[]').filter(function (p) {
      return offered(p.kind === 'site' ? site : community, p.code);
    });
    var group = L.featureGroup().addTo(map), bounds = null;
    places.forEach(function (p) {
      var b = boundsOf(view, p.lat, p.lon, p.r);
      bounds = bounds ? bounds.extend(b) : b;
      area(view, p.lat, p.lon, p.r, p.kind === 'site' ? {} : { color: '#718096', dashArray: '6 4', fillOpacity: 0 })
        .addTo(group).on('click', function (e) { choose(e.latlng); });
    });
    var marker = null;
    function put(latLng) {
      if (marker) { marker.setLatLng(latLng); } else { marker = L.marker(latLng, { icon: spotIcon(), keyboard: false }).addTo(map); }
    }
    function covering(kind, lat, lon) {
      var best = null, bestDistance = Infinity;
      places.forEach(function (p) {
        var d = metres(p.lat, p.lon, lat, lon);
        if (p.kind === kind && d <= p.r && d < bestDistance) { best = p; bestDistance = d; }
      });
      return best;
    }
    function suggest(lat, lon) {
      var s = covering('site', lat, lon), c = s ? null : covering('community', lat, lon);
      var communityCode = s ? s.community : c ? c.code : null;
      if (communityCode && community.value !== communityCode) {
        community.value = communityCode;
        community.dispatchEvent(new Event('change'));
      }
      if (s) { site.value = s.code; }
      var names = [];
      if (communityCode) { names.push(community.options[community.selectedIndex].text); }
      if (s) { names.push(site.options[site.selectedIndex].text); }
      said.textContent = names.length ? said.dataset.found.replace('%s', names.join(' · ')) : said.dataset.none;
    }
    function choose(latLng) {
      var wgs = view.read(latLng);
      latField.value = wgs[0].toFixed(6);
      lonField.value = wgs[1].toFixed(6);
      put(latLng);
      suggest(wgs[0], wgs[1]);
    }
    map.on('click', function (e) { choose(e.latlng); });
    function typed() {
      var lat = parseFloat(latField.value), lon = parseFloat(lonField.value);
      if (isFinite(lat) && isFinite(lon)) { put(view.show(lat, lon)); return true; }
      return false;
    }
    latField.addEventListener('change', typed);
    lonField.addEventListener('change', typed);
    if (typed()) {
      map.setView(marker.getLatLng(), 17);
    } else if (bounds) {
      map.fitBounds(bounds, { padding: [8, 8] });
    } else {
      el.hidden = true; // no footprint to show and nothing chosen: the fields alone
    }
  }

  // Ticket page: the spot (when given) and the compound's footprint, for the crew.
  function spot(el) {
    var view = baseMap(el), map = view.map, d = el.dataset;
    if (d.spotLat) {
      map.setView(view.show(parseFloat(d.spotLat), parseFloat(d.spotLon)), 17);
    } else {
      map.fitBounds(boundsOf(view, parseFloat(d.areaLat), parseFloat(d.areaLon), parseInt(d.areaR, 10)));
    }
    if (d.areaR) { area(view, parseFloat(d.areaLat), parseFloat(d.areaLon), parseInt(d.areaR, 10)).addTo(map); }
    if (d.spotLat) { L.marker(view.show(parseFloat(d.spotLat), parseFloat(d.spotLon)), { icon: spotIcon(), keyboard: false }).addTo(map); }
  }

  // Status page: the compound's (or community's) footprint only; the page is given no spot.
  function compound(el) {
    var view = baseMap(el), d = el.dataset, lat = parseFloat(d.areaLat), lon = parseFloat(d.areaLon), r = parseInt(d.areaR, 10);
    view.map.fitBounds(boundsOf(view, lat, lon, r));
    area(view, lat, lon, r).addTo(view.map);
  }

  // Dashboard: the compounds of the SVG drawing (which stays without script) as circles on the tiles; a recurring
  // trouble spot keeps the drawing's ring around its circle.
  function places(el) {
    var drawing = document.getElementById('place-map');
    if (!drawing) { return; }
    var view = baseMap(el), map = view.map, group = L.featureGroup().addTo(map);
    Array.prototype.forEach.call(drawing.querySelectorAll('a[data-lat]'), function (a) {
      var c = a.querySelector('circle'), at = view.show(parseFloat(a.dataset.lat), parseFloat(a.dataset.lon));
      L.circleMarker(at, {
        radius: parseFloat(c.getAttribute('r')), color: '#ffffff', weight: 2, fillColor: c.getAttribute('fill'), fillOpacity: 0.8,
        className: 'map-place'
      }).bindTooltip(a.getAttribute('aria-label')).on('click', function () { window.location.href = a.getAttribute('href'); })
        .addTo(group);
      var ring = a.querySelector('circle.trouble-ring');
      if (ring) {
        L.circleMarker(at, { radius: parseFloat(ring.getAttribute('r')), color: ring.getAttribute('stroke'), weight: 4,
          fill: false, interactive: false, className: 'map-trouble' }).addTo(group);
      }
    });
    map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16 });
    drawing.classList.add('replaced');
  }

  var kinds = { pick: pick, spot: spot, compound: compound, places: places };
  Array.prototype.forEach.call(document.querySelectorAll('.map-view[data-kind]'), function (el) {
    el.hidden = false;
    kinds[el.dataset.kind](el);
  });
})();
