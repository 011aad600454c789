// A tree data provider whose real implementation loads on the first
// getChildren (the view's first expand): registering a view costs nothing at
// activation, and its data is read only while the view is visible.
import * as vscode from 'vscode';

/** What a view module provides once loaded. `refresh(node?)` redraws (a node, or everything). */
export interface TreeImpl<T> extends vscode.Disposable {
  getChildren(element?: T): vscode.ProviderResult<T[]>;
  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem>;
}

export type TreeLoader<T> = (refresh: (node?: T) => void) => Promise<TreeImpl<T>>;

export class LazyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private impl: Promise<TreeImpl<T>> | undefined;
  private disposed = false;

  constructor(private readonly load: TreeLoader<T>) {}

  private get loaded(): Promise<TreeImpl<T>> {
    this.impl ??= this.load((node) => {
      if (!this.disposed) this.changed.fire(node);
    });
    return this.impl;
  }

  async getChildren(element?: T): Promise<T[]> {
    return (await (await this.loaded).getChildren(element)) ?? [];
  }

  async getTreeItem(element: T): Promise<vscode.TreeItem> {
    return (await this.loaded).getTreeItem(element);
  }

  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
    void this.impl?.then((i) => i.dispose());
  }
}
