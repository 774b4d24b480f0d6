// The maps of the services directory (/directory/map and a service's page),
// drawn with Leaflet. The page says everything in its data attributes, since
// the Content-Security-Policy allows no inline script:
//   data-points   the points as JSON (a service's own locations), or
//   data-source   where to fetch them: {"points": [...]} (the search results);
//   data-tiles    the tile server's URL template, empty for none;
//   data-attribution  the credit the tiles' licence asks for (HTML);
//   data-tiles-failed  what to say when the tiles do not load;
//   data-load-failed   what to say when the points do not load.
// A point has latitude, longitude, kind (desk, shelter…), kind_label,
// service, organisation, location, address, hours, open_label (or null),
// open_now and href. Every text goes in as text, never as HTML. Once the
// markers are placed, the container's data-markers says how many.
// The same results are listed under the map: the map is a second way to
// read them, not the only one.
(function () {
  "use strict";

  // Italy, before the points arrive or when there are none.
  var ITALY = { center: [42.5, 12.5], zoom: 6 };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The map's own status line, announced to screen readers.
  function say(container, message) {
    var line = document.getElementById(container.id + "-status");
    if (line && message) line.textContent = message;
  }

  function popup(point) {
    var box = element("div", "soleil-map-popup");
    var title = element("p", "fw-semibold mb-1");
    title.appendChild(element("a", null, point.service)).href = point.href;
    box.appendChild(title);
    box.appendChild(element("p", "mb-1", point.organisation));
    box.appendChild(element("p", "mb-1", point.kind_label + " · " + point.location));
    if (point.address) box.appendChild(element("p", "mb-1", point.address));
    if (point.hours) box.appendChild(element("p", "mb-1", point.hours));
    if (point.open_label) {
      var open = point.open_now ? "soleil-open-now" : "soleil-closed-now";
      box.appendChild(element("span", "badge " + open, point.open_label));
    }
    return box;
  }

  // A shape per kind of location (drawn by directory.css), so the legend
  // does not rely on colour alone; its name is read by screen readers.
  function marker(point) {
    var pin = element("span", "soleil-pin soleil-pin-" + point.kind);
    pin.appendChild(element("span", "visually-hidden", point.service + ", " + point.location));
    var icon = L.divIcon({ html: pin, className: "soleil-pin-box", iconSize: [22, 22], iconAnchor: [11, 11] });
    return L.marker([point.latitude, point.longitude], { icon: icon, keyboard: true, riseOnHover: true })
      .bindPopup(popup(point), { maxWidth: 280 });
  }

  function show(map, points) {
    var placed = points.filter(function (p) {
      return typeof p.latitude === "number" && typeof p.longitude === "number";
    });
    map.getContainer().dataset.markers = String(placed.length);
    if (placed.length === 0) {
      map.setView(ITALY.center, ITALY.zoom);
      return;
    }
    var group = L.featureGroup(placed.map(marker)).addTo(map);
    map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 14 });
  }

  function draw(container) {
    var data = container.dataset;
    var map = L.map(container, { scrollWheelZoom: false });
    map.setView(ITALY.center, ITALY.zoom);
    if (data.tiles) {
      var warned = false;
      L.tileLayer(data.tiles, { attribution: data.attribution || "", maxZoom: 19, crossOrigin: false })
        .on("tileerror", function () {
          // Once: a closed network fails every tile; the markers stay.
          if (!warned) {
            warned = true;
            container.classList.add("soleil-map-plain");
            say(container, data.tilesFailed);
          }
        })
        .addTo(map);
    } else {
      container.classList.add("soleil-map-plain");
    }
    if (data.points) {
      show(map, JSON.parse(data.points));
      return;
    }
    fetch(data.source, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (body) {
        show(map, body.points);
      })
      .catch(function () {
        say(container, data.loadFailed);
      });
  }

  if (typeof L === "undefined") return;
  document.querySelectorAll("[data-soleil-map]").forEach(draw);
})();
