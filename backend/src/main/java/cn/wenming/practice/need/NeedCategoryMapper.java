package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface NeedCategoryMapper extends BaseMapper<NeedCategory> {

	default List<NeedCategory> listAll(boolean includeDisabled) {
		LambdaQueryWrapper<NeedCategory> query = Wrappers.lambdaQuery(NeedCategory.class)
			.orderByAsc(NeedCategory::getSortOrder, NeedCategory::getId);
		if (!includeDisabled) {
			query.eq(NeedCategory::getEnabled, true);
		}
		return selectList(query);
	}

	default List<NeedCategory> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

	default int maxSortOrder() {
		NeedCategory last = selectOne(
				Wrappers.lambdaQuery(NeedCategory.class).orderByDesc(NeedCategory::getSortOrder).last("LIMIT 1"));
		return (last == null) ? 0 : last.getSortOrder();
	}

}
