/**
 * The scene layer's registry: what the one canvas can show, keyed by the names a workspace's
 * `sceneContent` gives (state/workspaces/). Each entry draws its objects inside the canvas and its
 * labels over it; `SceneView` reads only this.
 */
import type { ReactNode } from 'react';
import { LabelOverlay, type LabelRegistry } from './labels';
import { LinearMapContent, useMapLabels } from './LinearMapScene';
import { PointCloudContent, useCloudLabels } from './PointCloudScene';
import { WeightedContent, useWeightedLabels } from './WeightedScene';
import { WeightedAnglesContent, useAngleLabels } from './WeightedAnglesScene';
import { TensorChainContent, useChainLabels } from './TensorChainScene';
import { useAppState } from '../state/store';

export interface SceneContent {
  /** The canvas's accessible name while it shows this content. */
  ariaLabel: string;
  /** The three.js objects, inside the canvas. */
  Content(props: { labels: LabelRegistry; onHover(index: number | null): void }): ReactNode;
  /** The labels, as DOM over the canvas. */
  Overlay(props: { labels: LabelRegistry; hovered: number | null }): ReactNode;
}

export const SCENE_CONTENTS: Record<string, SceneContent> = {
  map: {
    ariaLabel: 'Linear map scene',
    Content: ({ labels }) => <LinearMapContent labels={labels} />,
    Overlay: function MapOverlay({ labels }) {
      return <LabelOverlay registry={labels} labels={useMapLabels()} />;
    },
  },
  cloud: {
    ariaLabel: 'Point cloud scene',
    Content: ({ labels, onHover }) => <PointCloudContent labels={labels} onHover={onHover} />,
    Overlay: function CloudOverlay({ labels, hovered }) {
      return <LabelOverlay registry={labels} labels={useCloudLabels(hovered)} />;
    },
  },
  weighted: {
    ariaLabel: 'Weighted approximation scene',
    Content: ({ labels }) => <WeightedContent labels={labels} />,
    Overlay: function WeightedOverlay({ labels }) {
      return <LabelOverlay registry={labels} labels={useWeightedLabels()} />;
    },
  },
  'weighted-angles': {
    ariaLabel: 'Principal angles between the SVD subspace and the weighted one',
    Content: ({ labels }) => <WeightedAnglesContent labels={labels} />,
    Overlay: function AnglesOverlay({ labels }) {
      return <LabelOverlay registry={labels} labels={useAngleLabels()} />;
    },
  },
  'tt-chain': {
    ariaLabel: 'Tensor-Train chain scene',
    Content: function TensorChainSceneContent({ labels }) {
      const result = useAppState((s) => s.tensor.result);
      const bond = useAppState((s) => s.tensor.settings.bond);
      if (!result) return null;
      return <TensorChainContent shape={result.shape} ranks={result.tt.ranks} labels={labels} highlightBond={bond} />;
    },
    Overlay: function TensorChainOverlay({ labels }) {
      const result = useAppState((s) => s.tensor.result);
      const bond = useAppState((s) => s.tensor.settings.bond);
      return <LabelOverlay registry={labels} labels={useChainLabels(result?.shape ?? [], result?.tt.ranks ?? [], bond)} />;
    },
  },
};
