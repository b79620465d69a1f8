import { Col, DatePicker, Form, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../../i18n/locale-provider';
import type { FilterOp, FilterSpec, ListState } from '../types';
import { CommitNumber, CommitText } from './commit-input';

interface Props {
  specs: FilterSpec[];
  filters: ListState['filters'];
  onChange: (field: string, patch: Partial<Record<FilterOp, string | undefined>>) => void;
}

/** The filter controls of the chosen type, each the one its `input` names: text, choices, ranges. */
export function FieldFilters({ specs, filters, onChange }: Props) {
  const t = useT();
  const control = (spec: FilterSpec) => {
    const value = filters[spec.field] ?? {};
    const set = (op: FilterOp) => (v: string | undefined) => onChange(spec.field, { [op]: v });
    const testId = `filter-${spec.field}`;
    switch (spec.input) {
      case 'search':
        return <CommitText value={value.contains} onCommit={set('contains')} placeholder={t('filter.contains')} testId={testId} />;
      case 'any-of':
        return (
          <Select
            mode="multiple"
            allowClear
            data-testid={testId}
            placeholder={t('filter.any')}
            options={spec.options}
            value={value.in ? value.in.split(',') : []}
            onChange={(values: string[]) => set('in')(values.length ? values.join(',') : undefined)}
          />
        );
      case 'has':
        return (
          <Select
            allowClear
            data-testid={testId}
            placeholder={t('filter.any')}
            options={spec.options}
            value={value.contains}
            onChange={(v?: string) => set('contains')(v)}
          />
        );
      case 'yes-no':
        return (
          <Select
            allowClear
            data-testid={testId}
            placeholder={t('filter.any')}
            options={[
              { value: 'true', label: t('filter.yes') },
              { value: 'false', label: t('filter.no') },
            ]}
            value={value.eq}
            onChange={(v?: string) => set('eq')(v)}
          />
        );
      case 'whole-range':
      case 'decimal-range':
        return (
          <Space.Compact style={{ width: '100%' }} data-testid={testId}>
            <CommitNumber
              value={value.gte}
              onCommit={set('gte')}
              placeholder={t('filter.min')}
              integer={spec.input === 'whole-range'}
              testId={`${testId}-min`}
            />
            <CommitNumber
              value={value.lte}
              onCommit={set('lte')}
              placeholder={t('filter.max')}
              integer={spec.input === 'whole-range'}
              testId={`${testId}-max`}
            />
          </Space.Compact>
        );
      case 'day-range':
      case 'moment-range':
        return (
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            data-testid={testId}
            placeholder={[t('filter.from'), t('filter.to')]}
            value={[value.gte ? dayjs(value.gte) : null, value.lte ? dayjs(value.lte) : null]}
            allowEmpty={[true, true]}
            onChange={(range) => {
              // both ends in one URL change, so the list loads once
              onChange(spec.field, { gte: range?.[0]?.format('YYYY-MM-DD'), lte: range?.[1]?.format('YYYY-MM-DD') });
            }}
          />
        );
    }
  };
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        {specs.map((spec) => (
          <Col key={spec.field} xs={24} sm={12} md={8} xl={6}>
            <Form.Item label={spec.title} style={{ marginBottom: 12 }}>
              {control(spec)}
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}
