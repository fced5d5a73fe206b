import { PROVIDERS, type ProviderId } from "../clients/index.ts";

export interface Settings {
  providerId: ProviderId;
  model: string;
  temperature: number;
  stream: boolean;
}

export function Controls({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const provider = PROVIDERS.find((p) => p.id === settings.providerId)!;
  return (
    <fieldset>
      <legend>Model</legend>
      <label>
        Provider
        <select
          aria-label="Provider"
          value={settings.providerId}
          onChange={(e) => {
            const next = PROVIDERS.find((p) => p.id === e.target.value)!;
            onChange({ ...settings, providerId: next.id, model: next.models[0]! });
          }}
        >
          {PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {__REAL_PROVIDERS__.includes(p.id) ? " — real API" : ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        Model
        <select aria-label="Model" value={settings.model} onChange={(e) => onChange({ ...settings, model: e.target.value })}>
          {provider.models.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <label>
        Temperature <output>{settings.temperature.toFixed(1)}</output>
        <input
          aria-label="Temperature"
          type="range"
          min={0}
          max={2}
          step={0.1}
          value={settings.temperature}
          onChange={(e) => onChange({ ...settings, temperature: Number(e.target.value) })}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={settings.stream} onChange={(e) => onChange({ ...settings, stream: e.target.checked })} />
        Stream
      </label>
    </fieldset>
  );
}
