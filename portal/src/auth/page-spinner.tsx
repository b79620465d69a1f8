import { Spin } from 'antd';

/** A full-page spinner while a chunk or the caller's rights load. */
export function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}
