import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../api/api-error';
import { actionErrorView } from './action-error-model';
import { TasksApiError } from './tasks-api';
import { tasksEn, tasksZh } from './tasks-messages';

describe('actionErrorView', () => {
  it('prefers the workflow code and explains it', () => {
    const e = new TasksApiError(
      403,
      'FORBIDDEN',
      '只有被督办单位可以办理 (only the addressee may do this)',
      'NOT_ADDRESSEE',
    );
    expect(actionErrorView(e, tasksZh, '网络')).toEqual({
      message: '只有被督办单位可以办理 (only the addressee may do this)',
      code: 'NOT_ADDRESSEE',
      hint: '只有被督办单位（部门）可以办理此环节。',
      reload: false,
    });
    const illegal = new TasksApiError(409, 'CONFLICT', 'm', 'ILLEGAL_TRANSITION');
    expect(actionErrorView(illegal, tasksEn, 'n').hint).toBe(
      'This step does not allow that action; reload and try again.',
    );
  });

  it('falls back to the HTTP code without a hint it does not know, and to plain errors', () => {
    expect(actionErrorView(new TasksApiError(400, 'BAD_REQUEST', 'bad', null), tasksZh, 'n')).toEqual({
      message: 'bad',
      code: 'BAD_REQUEST',
      hint: null,
      reload: false,
    });
    expect(actionErrorView(new Error('boom'), tasksZh, 'n')).toEqual({
      message: 'boom',
      code: null,
      hint: null,
      reload: false,
    });
  });

  it('says the network failed rather than showing the browser’s text', () => {
    expect(
      actionErrorView(new ApiError(0, NETWORK_ERROR, 'Failed to fetch'), tasksZh, '无法连接服务器'),
    ).toEqual({
      message: '无法连接服务器',
      code: null,
      hint: null,
      reload: false,
    });
  });
});
