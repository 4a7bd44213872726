import { and, asc, eq } from 'drizzle-orm';
import { articleComments, articles } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type CommentStatus = 'pending' | 'approved' | 'rejected';

export type ArticleCommentView = { id: string; authorName: string; body: string; createdAt: Date };

export type CommentAwaitingModeration = ArticleCommentView & { articleSlug: string; articleTitle: string };

/**
 * Stores a comment on a published article, held for moderation: nothing a visitor writes is
 * shown until a member of staff approves it.
 */
export async function submitArticleComment(
  ctx: ServiceContext,
  input: { articleSlug: string; authorName: string; body: string },
): Promise<{ id: string; status: 'pending' }> {
  const [article] = await ctx.db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, input.articleSlug), eq(articles.status, 'published')))
    .limit(1);
  if (!article) throw new AppError('not_found', 'not_found', 'There is no such article.');
  const [row] = await ctx.db
    .insert(articleComments)
    .values({
      articleId: article.id,
      authorName: input.authorName,
      body: input.body,
      status: 'pending',
      createdAt: ctx.clock.now(),
    })
    .returning({ id: articleComments.id });
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, status: 'pending' };
}

/** Approved comments on one article, oldest first. */
export async function listApprovedComments(
  ctx: ServiceContext,
  articleId: string,
): Promise<ArticleCommentView[]> {
  return ctx.db
    .select({
      id: articleComments.id,
      authorName: articleComments.authorName,
      body: articleComments.body,
      createdAt: articleComments.createdAt,
    })
    .from(articleComments)
    .where(and(eq(articleComments.articleId, articleId), eq(articleComments.status, 'approved')))
    .orderBy(asc(articleComments.createdAt));
}

/** The moderation queue, oldest first (for the staff screens). */
export async function listCommentsAwaitingModeration(
  ctx: ServiceContext,
): Promise<CommentAwaitingModeration[]> {
  return ctx.db
    .select({
      id: articleComments.id,
      authorName: articleComments.authorName,
      body: articleComments.body,
      createdAt: articleComments.createdAt,
      articleSlug: articles.slug,
      articleTitle: articles.title,
    })
    .from(articleComments)
    .innerJoin(articles, eq(articles.id, articleComments.articleId))
    .where(eq(articleComments.status, 'pending'))
    .orderBy(asc(articleComments.createdAt));
}

/** Approves or rejects a comment, recording who did it; an already-moderated comment is a conflict. */
export async function moderateArticleComment(
  ctx: ServiceContext,
  input: {
    commentId: string;
    decision: 'approved' | 'rejected';
    moderator: { userId: string; role: string };
  },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(articleComments)
      .set({
        status: input.decision,
        moderatedAt: ctx.clock.now(),
        moderatedByUserId: input.moderator.userId,
      })
      .where(and(eq(articleComments.id, input.commentId), eq(articleComments.status, 'pending')))
      .returning({ id: articleComments.id });
    if (!updated) {
      const [exists] = await tx
        .select({ id: articleComments.id })
        .from(articleComments)
        .where(eq(articleComments.id, input.commentId));
      if (!exists) throw new AppError('not_found', 'not_found', 'There is no such comment.');
      throw new AppError('conflict', 'already_moderated', 'This comment has already been moderated.');
    }
    await recordAuditEvent(tx, {
      actorUserId: input.moderator.userId,
      actorRole: input.moderator.role,
      action: `article_comment.${input.decision === 'approved' ? 'approve' : 'reject'}`,
      entityType: 'article_comment',
      entityId: input.commentId,
      outcome: 'success',
    });
  });
  // An approved comment appears on the article's public page.
  if (input.decision === 'approved') ctx.contentChanges?.changed();
}
