/**
 * A caption: text with inline TeX between $…$, typeset by the app's Tex component. Lessons come
 * from files and links, so the text is never HTML: text parts are React text nodes (escaped), and
 * TeX goes to KaTeX, whose errors show as red source rather than a crash.
 */
import { Fragment, useMemo } from 'react';
import { Tex } from '../ui/Tex';
import { splitCaption } from './captionParts';
import './lessons.css';

export { splitCaption, type CaptionPart } from './captionParts';

export function Caption({ text, className }: { text: string; className?: string }) {
  const parts = useMemo(() => splitCaption(text), [text]);
  return (
    <p className={className ? `lesson-caption ${className}` : 'lesson-caption'}>
      {parts.map((part, k) => (part.kind === 'text' ? <Fragment key={k}>{part.text}</Fragment> : <Tex key={k} source={part.source} />))}
    </p>
  );
}
