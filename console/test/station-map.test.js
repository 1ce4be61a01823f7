import { describe, expect, it } from 'vitest'
import { COLOR_STOPS, colourMax, figureColor, gcj02ToWgs84, mapMode, toTileDatum, wgs84ToGcj02 } from '../src/views/results/stationMap.js'

describe('which map', () => {
  it('draws tiles only when the installation configured a tile URL', () => {
    expect(mapMode({ mapTiles: { urlTemplate: 'https://tile.example.org/{z}/{x}/{y}.png' } })).toBe('tiles')
    expect(mapMode({ mapTiles: null })).toBe('scatter')
    expect(mapMode(null)).toBe('scatter')
    expect(mapMode({ mapTiles: { urlTemplate: '' } })).toBe('scatter')
  })
})

describe('colouring', () => {
  it('spans the scatter visualMap stops from 0 to the largest value', () => {
    expect(figureColor(0, 10)).toBe(COLOR_STOPS[0])
    expect(figureColor(5, 10)).toBe(COLOR_STOPS[1])
    expect(figureColor(10, 10)).toBe(COLOR_STOPS[2])
    // a quarter: halfway between red #f56c6c and orange #e6a23c, channel by channel
    expect(figureColor(2.5, 10)).toBe('#ee8754')
  })

  it('clamps and treats a missing value as zero', () => {
    expect(figureColor(20, 10)).toBe(COLOR_STOPS[2])
    expect(figureColor(-3, 10)).toBe(COLOR_STOPS[0])
    expect(figureColor(null, 10)).toBe(COLOR_STOPS[0])
  })

  it('tops the scale at the largest value, never below 1', () => {
    expect(colourMax([3, null, 7])).toBe(7)
    expect(colourMax([0, 0])).toBe(1)
    expect(colourMax([])).toBe(1)
  })
})

describe('datum', () => {
  // 天安门: WGS-84 (116.391275, 39.90716) is GCJ-02 (116.397519, 39.908538) on 高德 (about 550 m apart).
  it('shifts WGS-84 to GCJ-02 by the published offset', () => {
    const [lng, lat] = wgs84ToGcj02(116.391275, 39.90716)
    expect(lng).toBeCloseTo(116.397519, 4)
    expect(lat).toBeCloseTo(39.908538, 4)
  })

  it('converts back to within a centimetre', () => {
    const [lng, lat] = gcj02ToWgs84(...wgs84ToGcj02(119.8233, 31.3403))
    expect(Math.abs(lng - 119.8233)).toBeLessThan(1e-7)
    expect(Math.abs(lat - 31.3403)).toBeLessThan(1e-7)
  })

  it('leaves coordinates outside China alone', () => {
    expect(wgs84ToGcj02(2.3522, 48.8566)).toEqual([2.3522, 48.8566])
  })

  it('keeps GCJ-02 stations for GCJ02 tiles and converts them for WGS84 tiles', () => {
    const station = { latitude: 31.3403, longitude: 119.8233 }
    expect(toTileDatum(station, 'GCJ02')).toEqual([31.3403, 119.8233])
    const [lat, lng] = toTileDatum(station, 'WGS84')
    expect(lat).not.toBeCloseTo(31.3403, 3)
    const [backLng, backLat] = wgs84ToGcj02(lng, lat)
    expect(backLat).toBeCloseTo(31.3403, 7)
    expect(backLng).toBeCloseTo(119.8233, 7)
  })
})
