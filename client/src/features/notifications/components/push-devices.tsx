import type { PushDeviceView } from '@twofold/shared';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useRemovePushDevice } from '../api/notifications.ts';
import { PushSetupProblem, pushSupported, useEnablePush } from '../hooks/use-enable-push.ts';

/**
 * This device's switch for notifications, and every device that gets them. A device goes
 * when its session is signed out, so this list is always a subset of "Where you're signed in".
 */
export function PushDevices({ devices }: { devices: PushDeviceView[] }) {
  const enable = useEnablePush();
  const here = devices.find((device) => device.current);
  const problem = enable.error instanceof PushSetupProblem ? enable.error.message : null;

  return (
    <div className="notify-devices">
      {here ? (
        <p className="account-section__text">This device gets notifications.</p>
      ) : pushSupported() ? (
        <div className="account-section__actions">
          <FormAlert>{enable.isError && (problem ?? apiErrorInfo(enable.error).message)}</FormAlert>
          <button
            type="button"
            className="button button--primary"
            onClick={() => enable.mutate()}
            disabled={enable.isPending}
          >
            {enable.isPending ? 'Asking your browser…' : 'Get notifications on this device'}
          </button>
        </div>
      ) : (
        <p className="account-section__text">This browser cannot show notifications.</p>
      )}
      {devices.length > 0 && (
        <ul className="device-list" aria-label="Devices that get notifications">
          {devices.map((device) => (
            <PushDeviceRow key={device.id} device={device} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PushDeviceRow({ device }: { device: PushDeviceView }) {
  const remove = useRemovePushDevice();
  const name = device.current ? `${device.device}, this device` : device.device;
  return (
    <li className="device" aria-label={name}>
      <div className="device__about">
        <p className="device__name">
          {device.device}
          {device.current && <span className="device__badge">This device</span>}
        </p>
        <p className="device__meta">Getting notifications since {formatMoment(device.createdAt)}</p>
        <FormAlert>{remove.isError && apiErrorInfo(remove.error).message}</FormAlert>
      </div>
      <button
        type="button"
        className="button button--quiet device__action"
        onClick={() => remove.mutate(device.id)}
        disabled={remove.isPending}
        aria-label={`Stop notifications on ${name}`}
      >
        Stop
      </button>
    </li>
  );
}
