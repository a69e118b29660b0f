/**
 * Plots for the SVD workspace: pure presentational components (props in, SVG out) and the helpers
 * they are built from. See docs/plots.md.
 */
export { SpectrumPlot, type SpectrumPlotProps } from './SpectrumPlot';
export { EnergyPlot, type EnergyPlotProps } from './EnergyPlot';
export { Heatmap, type HeatmapProps } from './Heatmap';
export { HeatmapTriptych, type HeatmapTriptychProps } from './HeatmapTriptych';
export { PlotFrame, type PlotFrameProps } from './PlotFrame';
export { exportSvg, exportPng, downloadBlob, standaloneSvgMarkup } from './exportPlot';
export { linearScale, logScale, niceTicks, logTicks, niceLogDomain, type Scale } from './scale';
export { rasterize, downsampleMaxAbs, maxAbs, type Raster } from './rasterize';
export { encodePng, toDataUrl } from './png';
export { cellAt, fitMatrix } from './heatmapGeometry';
export { cumulativeEnergy } from './energy';
export { SeriesPlot, SERIES_STYLES, decimatedIndices, seriesPath, type SeriesPlotProps, type PlotSeries } from './SeriesPlot';
export { HistogramPlot, histogramBins, type HistogramPlotProps, type HistogramBins, type HistogramMarker, type HistogramOptions } from './HistogramPlot';
