import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibre, Marker, type ExpressionSpecification, type GeoJSONSource, type LngLatBoundsLike } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { MapSettings } from '../../../domain/zones/map-settings.ts';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { boundsOf, DRIVER_HEX, positionsOf, STATUS_HEX, WAREHOUSE_HEX } from './map-features.ts';
import classes from './map-canvas.module.css';
import { mapStyle } from './map-style.ts';

export interface MapLayers {
  zones: FeatureCollection<Polygon, { name: string; colour: string }>;
  warehouses: FeatureCollection<Point, { name: string }>;
  orders: FeatureCollection<Point, { id: string; label: string; status: string }>;
  drivers: FeatureCollection<Point, { driverId: string; name: string }>;
}

interface MapCanvasProps {
  tiles: MapSettings['tiles'];
  layers: MapLayers;
  onOrder: (orderId: string) => void;
  onDriver: (driverId: string) => void;
  /** What the map shows, in words, for those who do not see it. */
  label: string;
}

/** Clusters split into points past this zoom, and gather what lies within this many pixels. */
const CLUSTER_MAX_ZOOM = 14;
const CLUSTER_RADIUS = 40;
const CLUSTER_HEX = '#495057';

// Every status is a label of the match; the last value is the fallback the expression's grammar asks for.
const statusColour = ['match', ['get', 'status'], ...Object.entries(STATUS_HEX).flat(), CLUSTER_HEX] as unknown as ExpressionSpecification;

function addLayers(map: MapLibre): void {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  map.addSource('zones', { type: 'geojson', data: empty });
  map.addSource('warehouses', { type: 'geojson', data: empty });
  map.addSource('orders', { type: 'geojson', data: empty, cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: CLUSTER_RADIUS });
  map.addSource('drivers', { type: 'geojson', data: empty });
  map.addLayer({ id: 'zone-fill', type: 'fill', source: 'zones', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.22 } });
  map.addLayer({ id: 'zone-line', type: 'line', source: 'zones', paint: { 'line-color': ['get', 'colour'], 'line-width': 2 } });
  // Without glyphs a cluster cannot print its count: its size says it, in steps the legend names.
  map.addLayer({
    id: 'order-clusters',
    type: 'circle',
    source: 'orders',
    filter: ['has', 'point_count'],
    paint: { 'circle-color': CLUSTER_HEX, 'circle-opacity': 0.85, 'circle-radius': ['step', ['get', 'point_count'], 12, 10, 17, 100, 23, 1000, 30], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  });
  map.addLayer({
    id: 'order-points',
    type: 'circle',
    source: 'orders',
    filter: ['!', ['has', 'point_count']],
    paint: { 'circle-color': statusColour, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  });
  map.addLayer({ id: 'warehouse-points', type: 'circle', source: 'warehouses', paint: { 'circle-color': WAREHOUSE_HEX, 'circle-radius': 9, 'circle-stroke-color': '#ffd43b', 'circle-stroke-width': 3 } });
  map.addLayer({ id: 'driver-points', type: 'circle', source: 'drivers', paint: { 'circle-color': DRIVER_HEX, 'circle-radius': 8, 'circle-stroke-color': '#0b3d44', 'circle-stroke-width': 3 } });
}

/** The outer ring's average: inside any zone shaped like a district, where its name is written. */
const labelPoint = (polygon: Polygon): [number, number] => {
  const ring = polygon.coordinates[0]!.slice(0, -1);
  return [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
};

/**
 * The map itself (MapLibre GL): zones filled with their colours and named by HTML labels, warehouses,
 * orders clustered and coloured by last-mile status, and drivers where they last were.
 */
export function MapCanvas({ tiles, layers, onOrder, onDriver, label }: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);
  const framed = useRef(false);
  // How many times the map settled after new data: a test waits for it before it looks.
  const [drawn, setDrawn] = useState(0);
  const handlers = useRef({ onOrder, onDriver });
  useEffect(() => {
    handlers.current = { onOrder, onDriver };
  });

  useEffect(() => {
    const created = new MapLibre({ container: container.current!, style: mapStyle(tiles), center: [0, 20], zoom: 1, attributionControl: tiles ? { compact: true } : false });
    created.on('load', () => {
      addLayers(created);
      setMap(created);
    });
    created.on('click', 'order-clusters', (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      void (created.getSource('orders') as GeoJSONSource).getClusterExpansionZoom(feature.properties.cluster_id as number).then((zoom) => created.easeTo({ center: (feature.geometry as Point).coordinates as [number, number], zoom }));
    });
    created.on('click', 'order-points', (event) => {
      const id = event.features?.[0]?.properties.id as string | undefined;
      if (id) handlers.current.onOrder(id);
    });
    created.on('click', 'driver-points', (event) => {
      const id = event.features?.[0]?.properties.driverId as string | undefined;
      if (id) handlers.current.onDriver(id);
    });
    for (const layer of ['order-clusters', 'order-points', 'driver-points']) {
      created.on('mouseenter', layer, () => (created.getCanvas().style.cursor = 'pointer'));
      created.on('mouseleave', layer, () => (created.getCanvas().style.cursor = ''));
    }
    return () => created.remove();
  }, [tiles]);

  useEffect(() => {
    if (!map) return;
    for (const [source, data] of Object.entries(layers)) (map.getSource(source) as GeoJSONSource).setData(data as FeatureCollection);
    map.once('idle', () => setDrawn((n) => n + 1));
    // The map opens on the work once; after that it stays where the dispatcher moved it.
    const box = boundsOf(positionsOf(layers.zones, layers.warehouses, layers.orders, layers.drivers));
    if (box && !framed.current) {
      framed.current = true;
      map.fitBounds(box as LngLatBoundsLike, { padding: 40, maxZoom: 15, animate: false });
    }
    const markers = layers.zones.features.map((zone) => {
      const element = document.createElement('div');
      element.className = classes.zoneLabel!;
      element.textContent = zone.properties.name;
      const marker = new Marker({ element }).setLngLat(labelPoint(zone.geometry)).addTo(map);
      // MapLibre names every marker "Map marker"; this one's name is the zone's, as its text says.
      element.setAttribute('aria-label', `Zone ${zone.properties.name}`);
      return marker;
    });
    return () => markers.forEach((marker) => marker.remove());
  }, [map, layers]);

  return <div ref={container} role="region" aria-label={label} data-testid="map-canvas" data-drawn={drawn} style={{ height: 560, borderRadius: 8, overflow: 'hidden' }} />;
}
