import type { TrendPoint } from '@twofold/shared';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Three colours told apart by people with the common colour-vision differences (blue, amber,
 * green of the Okabe–Ito set, lightened to read on the light and the dark background), and
 * each line also has its own dash and marker, so colour is never the only cue.
 */
const LINES = [
  { key: 'safe', name: 'Safe', color: '#3b82c4', dash: undefined },
  { key: 'trusting', name: 'Trusting', color: '#d08a1e', dash: '6 4' },
  { key: 'connected', name: 'Connected', color: '#2f9e7a', dash: '2 3' },
] as const;

const short = (week: string) =>
  new Date(`${week}T12:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/** One person's weekly safe / trusting / connected scores (0–10), with the numbers as a table for screen readers. */
export function TrendChart({ title, points }: { title: string; points: readonly TrendPoint[] }) {
  const data = points.map((point) => ({ ...point, label: short(point.week) }));
  return (
    <figure className="trend" aria-label={title}>
      <figcaption className="trend__title">{title}</figcaption>
      <div className="trend__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -20 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 12, fill: 'currentColor' }}
              tickMargin={6}
              minTickGap={12}
            />
            <YAxis domain={[0, 10]} ticks={[0, 5, 10]} tick={{ fontSize: 12, fill: 'currentColor' }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            {LINES.map((line) => (
              <Line
                key={line.key}
                type="monotone"
                dataKey={line.key}
                name={line.name}
                stroke={line.color}
                strokeWidth={2.5}
                strokeDasharray={line.dash}
                dot={{ r: 3.5, fill: line.color }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Safe</th>
            <th scope="col">Trusting</th>
            <th scope="col">Connected</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.week}>
              <th scope="row">{short(point.week)}</th>
              <td>{point.safe}</td>
              <td>{point.trusting}</td>
              <td>{point.connected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
