// The conversation's state properties read and write BotState's turn cache when the turn has loaded it, and load
// it through botbuilder's own accessor when it hasn't: either way what is saved is what botbuilder would save.
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { expect } from 'chai';
import { CachedProperty } from '../../dialogs/cachedProperty.js';

const activity: Partial<Activity> = {
  type: 'message',
  channelId: 'test',
  conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'u1', name: 'User' },
  recipient: { id: 'bot', name: 'Bot' },
};

function turn(adapter: TestAdapter): TurnContext {
  return new TurnContext(adapter, activity);
}

/** A conversation state on memory storage, its 'check' property, and an adapter to make turns with. */
function fresh() {
  const state = new ConversationState(new MemoryStorage());
  return { state, property: new CachedProperty<{ n: number }>(state, 'check'), adapter: new TestAdapter() };
}

describe('CachedProperty', () => {
  it('with the state loaded: get, set and delete work on the cached object, and saveChanges stores them', async () => {
    const { state, property, adapter } = fresh();

    const first = turn(adapter);
    await state.load(first);
    expect(await property.get(first)).to.equal(undefined);
    await property.set(first, { n: 1 });
    expect(state.get(first)).to.deep.include({ check: { n: 1 } });
    expect(await property.get(first)).to.deep.equal({ n: 1 });
    await state.saveChanges(first);

    const second = turn(adapter);
    await state.load(second);
    expect(await property.get(second)).to.deep.equal({ n: 1 });
    await property.delete(second);
    expect(state.get(second)).not.to.have.property('check');
    await state.saveChanges(second);

    const third = turn(adapter);
    await state.load(third);
    expect(await property.get(third)).to.equal(undefined);
  });

  it('without it: the same through botbuilder\'s accessor, which loads the state first', async () => {
    const { state, property, adapter } = fresh();

    const first = turn(adapter);
    expect(state.get(first)).to.equal(undefined);
    await property.set(first, { n: 2 });
    expect(state.get(first)).to.deep.include({ check: { n: 2 } });
    await state.saveChanges(first);

    const second = turn(adapter);
    expect(await property.get(second)).to.deep.equal({ n: 2 });
    const third = turn(adapter);
    await property.delete(third);
    await state.saveChanges(third);
    const fourth = turn(adapter);
    expect(await property.get(fourth)).to.equal(undefined);
  });
});
